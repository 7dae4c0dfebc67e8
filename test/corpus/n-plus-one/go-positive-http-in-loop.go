// expect: n-plus-one@15
package sync

import (
	"encoding/json"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

func fetchProfiles(ids []string) ([]Profile, error) {
	var out []Profile
	for _, id := range ids {
		resp, err := client.Get("https://profiles.internal/v1/" + id)
		if err != nil {
			return nil, err
		}
		var p Profile
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
