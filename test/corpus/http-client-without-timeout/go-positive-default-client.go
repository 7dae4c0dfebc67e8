// expect: http-client-without-timeout@10, http-client-without-timeout@20
package weather

import (
	"encoding/json"
	"net/http"
)

func Forecast(city string) (*Report, error) {
	resp, err := http.Get("https://weather.example.com/v1/forecast?city=" + city)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r Report
	return &r, json.NewDecoder(resp.Body).Decode(&r)
}

func NewUploader() *Uploader {
	return &Uploader{client: &http.Client{Transport: http.DefaultTransport}}
}
