-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/require_concurrent_index_deletion.rs licence: Apache-2.0 OR MIT
-- expect: none
DROP TABLE IF EXISTS some_table;
