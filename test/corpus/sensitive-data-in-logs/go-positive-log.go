// expect: sensitive-data-in-logs@11, sensitive-data-in-logs@18
package auth

import (
	"log"
	"net/http"
)

func Login(w http.ResponseWriter, r *http.Request) {
	user, password := r.FormValue("user"), r.FormValue("password")
	log.Printf("login attempt user=%s password=%s", user, password)
	token, err := issueToken(user, password)
	if err != nil {
		log.Printf("login failed for %s: %v", user, err)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	log.Println("token issued:", token)
	w.Write([]byte(token))
}
