// expect: none
package store

import (
	"context"
	"fmt"
)

func (s *Store) Orders(ctx context.Context, customerID string, limit int) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, total FROM orders WHERE customer_id = $1 LIMIT $2", customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query orders of %s: %w", customerID, err)
	}
	defer rows.Close()
	return scanOrders(rows)
}
