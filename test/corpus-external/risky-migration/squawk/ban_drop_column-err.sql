-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/ban_drop_column.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@3
ALTER TABLE "bar_tbl" DROP COLUMN "foo_col" CASCADE;
