-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/renaming_column.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@3
ALTER TABLE "table_name" RENAME COLUMN "column_name" TO "new_column_name";
