-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/changing_column_type.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@7
BEGIN;
--
-- Alter field edits on recipe
--
ALTER TABLE "core_recipe" ALTER COLUMN "edits" TYPE text USING "edits"::text;
COMMIT;
