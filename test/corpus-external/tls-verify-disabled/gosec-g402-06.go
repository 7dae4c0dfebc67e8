// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g402_samples.go#L105-L124 licence: Apache-2.0
// expect: none
// MinVersion 0 is safe on Go 1.18+ (defaults to TLS 1.2)
package main
import (
	"crypto/tls"
	"fmt"
)

func CaseNotError() *tls.Config {
	var v = &tls.Config{
		MinVersion: 0,
	}
	return v
}

func main() {
    a := CaseNotError()
	fmt.Printf("Debug: %v\n", a.MinVersion)
}
