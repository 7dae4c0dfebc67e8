// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g402_samples.go#L392-L404 licence: Apache-2.0
// expect: none
// MaxVersion 0 without MinVersion is safe (use latest)
package main

import "crypto/tls"

func main() {
	_ = &tls.Config{
		MaxVersion: 0,
		ServerName: "example.com",
	}
}
