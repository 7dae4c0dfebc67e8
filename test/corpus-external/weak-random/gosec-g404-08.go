// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g404_samples.go#L93-L104 licence: Apache-2.0
// expect: weak-randomness-for-secrets@10
package main

import (
	"math/rand"
)

func main() {
	bad := rand.Intn(10)
	println(bad)
}
