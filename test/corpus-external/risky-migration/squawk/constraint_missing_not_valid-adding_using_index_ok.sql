-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/constraint_missing_not_valid.rs licence: Apache-2.0 OR MIT
-- expect: none
ALTER TABLE account ADD CONSTRAINT account_pk PRIMARY KEY USING INDEX account_pk_idx;
