// expect: n-plus-one@13
package api

import (
	"context"
	"database/sql"
)

func loadAuthors(ctx context.Context, db *sql.DB, posts []Post) (map[int64]Author, error) {
	authors := make(map[int64]Author, len(posts))
	for _, p := range posts {
		var a Author
		err := db.QueryRowContext(ctx, "SELECT id, name FROM authors WHERE id = $1", p.AuthorID).Scan(&a.ID, &a.Name)
		if err != nil {
			return nil, err
		}
		authors[a.ID] = a
	}
	return authors, nil
}
