-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/renaming_table.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@3
ALTER TABLE "table_name" RENAME TO "new_table_name";
