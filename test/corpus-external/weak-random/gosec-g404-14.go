// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g404_samples.go#L187-L203 licence: Apache-2.0
// expect: weak-randomness-for-secrets@8, weak-randomness-for-secrets@10, weak-randomness-for-secrets@13
package main

import "math/rand"

func main() {
	p := rand.Perm(10) // bad
	println(len(p))
	f := rand.ExpFloat64() // bad
	println(f)
	nums := []int{1, 2, 3}
	rand.Shuffle(len(nums), func(i, j int) { // bad
		nums[i], nums[j] = nums[j], nums[i]
	})
	println(nums[0])
}
