// expect: sql-string-building@10
package store

import (
	"database/sql"
	"fmt"
)

func (s *Store) UserByEmail(email string) (*User, error) {
	q := fmt.Sprintf("SELECT id, email, name FROM users WHERE email = '%s'", email)
	row := s.db.QueryRow(q)
	var u User
	if err := row.Scan(&u.ID, &u.Email, &u.Name); err != nil {
		if err == sql.ErrNoRows {
			return nil, nil
		}
		return nil, err
	}
	return &u, nil
}
