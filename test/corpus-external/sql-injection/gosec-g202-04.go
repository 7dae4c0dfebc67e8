// source: securego/gosec@45b083a0cb42119d61b1e0e364d8c62c68f6f5cd:testutils/g202_samples.go#L71-L92 licence: Apache-2.0
// expect: sql-string-building@17
// context match
package main

import (
    "context"
	"database/sql"
	"os"
)

func main(){
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		panic(err)
	}
	rows, err := db.QueryContext(context.Background(), "select * from foo where name = " + os.Args[1])
	if err != nil {
		panic(err)
	}
	defer rows.Close()
}
