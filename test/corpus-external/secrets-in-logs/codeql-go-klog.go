// source: github/codeql@c2ddf25f1167:go/ql/test/query-tests/Security/CWE-312/klog.go licence: MIT
// expect: sensitive-data-in-logs@25, sensitive-data-in-logs@31
package main

//go:generate depstubber -vendor k8s.io/klog "" Info

import (
	"net/http"
	"strings"

	"k8s.io/klog"
)

func mask(key, value string) string {
	if strings.EqualFold(key, "Authorization") {
		return "<masked>"
	}
	return value
}

func klogTest() {
	http.HandleFunc("/klog", func(w http.ResponseWriter, r *http.Request) {
		for name, headers := range r.Header {
			for _, header := range headers {
				klog.Info(header)
				klog.Info(mask(name, header))
			}
		}
		klog.Info(r.Header.Get("Accept"))
		klog.Info(r.Header["Content-Type"])
		klog.Info(r.Header.Get("Authorization"))
	})
	http.ListenAndServe(":80", nil)
}
