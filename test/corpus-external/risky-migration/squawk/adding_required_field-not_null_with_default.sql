-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_required_field.rs licence: Apache-2.0 OR MIT
-- expect: none
ALTER TABLE "recipe" ADD COLUMN "public" boolean NOT NULL DEFAULT true;
