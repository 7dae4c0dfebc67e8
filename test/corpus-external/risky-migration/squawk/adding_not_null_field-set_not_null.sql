-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_not_null_field.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@3
ALTER TABLE "core_recipe" ALTER COLUMN "foo" SET NOT NULL;
