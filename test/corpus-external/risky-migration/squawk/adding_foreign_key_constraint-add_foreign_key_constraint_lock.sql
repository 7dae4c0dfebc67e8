-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_foreign_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@5
BEGIN;
ALTER TABLE "email" ADD COLUMN "user_id" INT;
ALTER TABLE "email" ADD CONSTRAINT "fk_user" FOREIGN KEY ("user_id") REFERENCES "user" ("id");
COMMIT;
