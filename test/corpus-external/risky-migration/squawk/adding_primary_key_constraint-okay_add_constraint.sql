-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_primary_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: none
ALTER TABLE items ADD CONSTRAINT items_pk PRIMARY KEY USING INDEX items_pk;
