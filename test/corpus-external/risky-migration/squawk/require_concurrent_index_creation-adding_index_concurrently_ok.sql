-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/require_concurrent_index_creation.rs licence: Apache-2.0 OR MIT
-- expect: none
-- use CONCURRENTLY
CREATE INDEX CONCURRENTLY "field_name_idx" ON "table_name" ("field_name");
