// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g404_samples.go#L7-L16 licence: Apache-2.0
// expect: none
package main

import "crypto/rand"

func main() {
	good, _ := rand.Read(nil)
	println(good)
}
