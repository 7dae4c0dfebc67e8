// source: sonatard/noctx@00a60094e864:testdata/src/http_client/http_client.go licence: MIT
// expect: http-client-without-timeout@13, http-client-without-timeout@16, http-client-without-timeout@18, http-client-without-timeout@19, http-client-without-timeout@20, http-client-without-timeout@22, http-client-without-timeout@25, http-client-without-timeout@27, http-client-without-timeout@28, http-client-without-timeout@29
package http_client

import (
	"net/http"
)

func _() {
	const url = "http://example.com"
	cli := &http.Client{}

	http.Get(url)
	_ = http.Get  // OK
	f := http.Get // OK
	f(url)

	http.Head(url)
	http.Post(url, "", nil)
	http.PostForm(url, nil)

	cli.Get(url)
	_ = cli.Get  // OK
	m := cli.Get // OK
	m(url)

	cli.Head(url)
	cli.Post(url, "", nil)
	cli.PostForm(url, nil)
}
