// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g404_samples.go#L27-L36 licence: Apache-2.0
// expect: weak-randomness-for-secrets@8
package main

import "math/rand/v2"

func main() {
	bad := rand.Int()
	println(bad)
}
