// expect: none
package tokens

import (
	"crypto/rand"
	"encoding/base64"
	mrand "math/rand"
	"time"
)

func NewResetToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func Jitter() time.Duration {
	return time.Duration(mrand.Intn(250)) * time.Millisecond
}
