// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g402_samples.go#L7-L28 licence: Apache-2.0
// expect: tls-verification-disabled@14
// InsecureSkipVerify
package main

import (
	"crypto/tls"
	"fmt"
	"net/http"
)

func main() {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}

	client := &http.Client{Transport: tr}
	_, err := client.Get("https://go.dev/")
	if err != nil {
		fmt.Println(err)
	}
}
