// expect: none
package weather

import (
	"context"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func Forecast(ctx context.Context, city string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://weather.example.com/v1/forecast?city="+city, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}
