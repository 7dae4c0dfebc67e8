-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_not_null_field.rs licence: Apache-2.0 OR MIT
-- expect: none
BEGIN;
--
-- Add field foo to recipe
--
ALTER TABLE "core_recipe" ADD COLUMN "foo" integer NOT NULL DEFAULT 10;
COMMIT;
