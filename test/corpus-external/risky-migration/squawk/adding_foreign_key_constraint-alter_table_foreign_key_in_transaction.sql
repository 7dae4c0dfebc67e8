-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_foreign_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: none
BEGIN;
CREATE TABLE "emails" ("id" UUID NOT NULL, "user_id" UUID NOT NULL);
ALTER TABLE "emails" ADD CONSTRAINT "fk_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id");
COMMIT;
