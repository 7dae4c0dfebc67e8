-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_field_with_default.rs licence: Apache-2.0 OR MIT
-- expect: none
-- NON-VOLATILE
ALTER TABLE "core_recipe" ADD COLUMN "foo" jsonb DEFAULT '{}'::jsonb;
