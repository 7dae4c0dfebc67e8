// expect: none
package auth

import (
	"log"
	"net/http"
)

func Login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	log.Printf("login attempt user=%s ua=%s", user, r.Header.Get("User-Agent"))
	token, err := issueToken(user, r.FormValue("password"))
	if err != nil {
		log.Printf("token issue failed for %s: %v", user, err)
		return
	}
	w.Write([]byte(token))
}
