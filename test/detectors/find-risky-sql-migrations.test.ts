import { describe, expect, it } from "@jest/globals";
import { findRiskySqlMigrations, maskSql } from "../../src/detectors/find-risky-sql-migrations.js";

describe("maskSql", () => {
  it("blanks comments and string contents but keeps length and newlines", () => {
    const sql = "SELECT 'DROP COLUMN x' -- DROP COLUMN y\n/* ALTER\nTABLE */ 1;";
    const masked = maskSql(sql);
    expect(masked).toHaveLength(sql.length);
    expect(masked.split("\n")).toHaveLength(3);
    expect(masked).not.toMatch(/DROP|ALTER/);
  });
});

describe("findRiskySqlMigrations", () => {
  const risky = [
    {
      name: "ADD COLUMN NOT NULL without DEFAULT",
      sql: "ALTER TABLE users ADD COLUMN tier text NOT NULL;",
      line: 1,
    },
    { name: "CREATE INDEX without CONCURRENTLY", sql: "\nCREATE UNIQUE INDEX u ON users (email);", line: 2 },
    { name: "column type change", sql: "ALTER TABLE users\n  ALTER COLUMN age TYPE bigint;", line: 2 },
    { name: "MySQL MODIFY COLUMN", sql: "ALTER TABLE users MODIFY COLUMN bio TEXT;", line: 1 },
    { name: "DROP COLUMN", sql: "ALTER TABLE users DROP COLUMN legacy;", line: 1 },
    { name: "SET NOT NULL", sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", line: 1 },
  ];
  it.each(risky)("reports $name", ({ sql, line }) => {
    expect(findRiskySqlMigrations(sql)).toMatchObject([{ startLine: line }]);
  });

  const safe = [
    { name: "nullable column", sql: "ALTER TABLE users ADD COLUMN tier text;" },
    { name: "NOT NULL with DEFAULT", sql: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';" },
    { name: "CONCURRENTLY", sql: "CREATE INDEX CONCURRENTLY i ON users (email);" },
    {
      name: "index on a table created in the same file",
      sql: "CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);",
    },
    { name: "keywords in a comment", sql: "-- ALTER TABLE users DROP COLUMN legacy;\nSELECT 1;" },
    {
      name: "a constraint added NOT VALID",
      sql: "ALTER TABLE users ADD CONSTRAINT c CHECK (a IS NOT NULL) NOT VALID;",
    },
  ];
  it.each(safe)("accepts $name", ({ sql }) => {
    expect(findRiskySqlMigrations(sql)).toEqual([]);
  });
});
