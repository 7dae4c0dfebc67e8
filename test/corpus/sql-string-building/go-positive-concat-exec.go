// expect: sql-string-building@7
package store

import "context"

func (s *Store) Archive(ctx context.Context, table string, olderThan string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE created_at < '"+olderThan+"'")
	return err
}
