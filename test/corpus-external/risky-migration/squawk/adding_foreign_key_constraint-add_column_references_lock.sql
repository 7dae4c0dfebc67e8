-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_foreign_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@4
BEGIN;
ALTER TABLE "emails" ADD COLUMN "user_id" INT REFERENCES "user" ("id");
COMMIT;
