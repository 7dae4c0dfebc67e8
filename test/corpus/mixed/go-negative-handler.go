// expect: none
package api

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type Server struct {
	db     Querier
	client *http.Client
}

func NewServer(db Querier) *Server {
	return &Server{db: db, client: &http.Client{Timeout: 5 * time.Second}}
}

func (s *Server) handleGetUser(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	var u User
	if err := s.db.QueryRowContext(ctx, "SELECT id, email FROM users WHERE id = $1", r.PathValue("id")).Scan(&u.ID, &u.Email); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(u)
}
