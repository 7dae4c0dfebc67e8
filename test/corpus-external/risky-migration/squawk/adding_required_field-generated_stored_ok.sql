-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_required_field.rs licence: Apache-2.0 OR MIT (labelled by squawk rule adding-field-with-default)
-- expect: unsafe-migration@4
 ALTER TABLE foo
    ADD COLUMN bar numeric GENERATED ALWAYS AS (bar + baz) STORED ;
