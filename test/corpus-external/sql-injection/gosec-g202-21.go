// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g202_samples.go#L528-L554 licence: Apache-2.0
// expect: sql-string-building@22
// strings.Builder fed with tainted input - should flag
package main

import (
	"database/sql"
	"os"
	"strings"
)

func main() {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		panic(err)
	}
	var ph strings.Builder
	for _, a := range os.Args {
		ph.WriteString(a)
	}
	q := "SELECT col1 FROM table1 WHERE id IN (" + ph.String() + ")"
	rows, err := db.Query(q)
	if err != nil {
		panic(err)
	}
	defer rows.Close()
}
