// expect: unbounded-query@10
package handlers

import (
	"encoding/json"
	"net/http"
)

func (s *Server) handleListProducts(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(), "SELECT id, name, price FROM products ORDER BY name")
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	products, err := scanProducts(rows)
	if err != nil {
		http.Error(w, "scan failed", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(products)
}
