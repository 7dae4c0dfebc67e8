-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_not_null_field.rs licence: Apache-2.0 OR MIT (labelled by squawk rule adding-required-field)
-- expect: unsafe-migration@4
-- This won't work if the table is populated, but that error is caught by adding-required-field.
ALTER TABLE "core_recipe" ADD COLUMN "foo" integer NOT NULL;
