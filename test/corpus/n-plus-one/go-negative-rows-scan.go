// expect: none
package api

import (
	"context"
	"database/sql"
)

func loadAuthors(ctx context.Context, db *sql.DB, ids []int64) ([]Author, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM authors WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Author
	for rows.Next() {
		var a Author
		if err := rows.Scan(&a.ID, &a.Name); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
