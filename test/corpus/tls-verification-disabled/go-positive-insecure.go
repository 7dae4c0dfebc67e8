// expect: tls-verification-disabled@12
package client

import (
	"crypto/tls"
	"net/http"
	"time"
)

func NewInternalClient() *http.Client {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	return &http.Client{Transport: tr, Timeout: 15 * time.Second}
}
