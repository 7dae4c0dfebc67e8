-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_primary_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@3
        ALTER TABLE a ADD COLUMN b SERIAL PRIMARY KEY;
