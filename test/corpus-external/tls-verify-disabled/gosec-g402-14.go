// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g402_samples.go#L307-L316 licence: Apache-2.0
// expect: none
// InsecureSkipVerify with unary NOT (direct !true → false, no issue)
package main

import "crypto/tls"

func main() {
	_ = &tls.Config{InsecureSkipVerify: !true}
}
