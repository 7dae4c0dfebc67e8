-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/disallow_unique_constraint.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@3
ALTER TABLE table_name ADD CONSTRAINT field_name_constraint UNIQUE (field_name);
