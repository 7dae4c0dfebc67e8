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
    { name: "DROP INDEX without CONCURRENTLY", sql: 'DROP INDEX IF EXISTS "users_email_idx";', line: 1 },
    { name: "REINDEX without CONCURRENTLY", sql: "REINDEX TABLE users;", line: 1 },
    {
      name: "foreign key without NOT VALID",
      sql: 'ALTER TABLE "email" ADD CONSTRAINT "fk_user"\n  FOREIGN KEY ("user_id") REFERENCES "user" ("id");',
      line: 1,
    },
    {
      name: "CHECK without NOT VALID",
      sql: "ALTER TABLE a ADD CONSTRAINT pos CHECK (balance >= 0);",
      line: 1,
    },
    {
      name: "column with REFERENCES",
      sql: "ALTER TABLE emails ADD COLUMN user_id INT REFERENCES users (id);",
      line: 1,
    },
    { name: "PRIMARY KEY without USING INDEX", sql: "ALTER TABLE account ADD PRIMARY KEY (id);", line: 1 },
    { name: "UNIQUE constraint", sql: "ALTER TABLE d ADD CONSTRAINT d_uniq UNIQUE (dist_id);", line: 1 },
    { name: "volatile default", sql: "ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid();", line: 1 },
    {
      name: "stored generated column",
      sql: "ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a + b) STORED;",
      line: 1,
    },
    { name: "column rename", sql: "ALTER TABLE users RENAME COLUMN name TO full_name;", line: 1 },
    { name: "table rename", sql: 'ALTER TABLE "users" RENAME TO "accounts";', line: 1 },
    {
      name: "VALIDATE in the transaction that added the constraint NOT VALID",
      sql: "BEGIN;\nALTER TABLE e ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id) NOT VALID;\nALTER TABLE e VALIDATE CONSTRAINT f;\nCOMMIT;",
      line: 3,
    },
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
    { name: "VALIDATE in its own transaction", sql: "ALTER TABLE e VALIDATE CONSTRAINT f;" },
    { name: "DROP INDEX CONCURRENTLY", sql: "DROP INDEX CONCURRENTLY IF EXISTS i;" },
    { name: "REINDEX CONCURRENTLY", sql: "REINDEX INDEX CONCURRENTLY i;" },
    { name: "UNIQUE USING INDEX", sql: "ALTER TABLE d ADD CONSTRAINT d_key UNIQUE USING INDEX d_idx;" },
    {
      name: "stable defaults",
      sql: "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now(), ADD COLUMN d jsonb DEFAULT '{}'::jsonb;",
    },
    { name: "foreign key inside CREATE TABLE", sql: "CREATE TABLE e (id int, u int REFERENCES u (id));" },
  ];
  it.each(safe)("accepts $name", ({ sql }) => {
    expect(findRiskySqlMigrations(sql)).toEqual([]);
  });
});
