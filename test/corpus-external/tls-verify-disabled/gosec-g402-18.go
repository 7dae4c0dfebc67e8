// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g402_samples.go#L349-L358 licence: Apache-2.0
// expect: none
// PreferServerCipherSuites true (no issue)
package main

import "crypto/tls"

func main() {
	_ = &tls.Config{PreferServerCipherSuites: true}
}
