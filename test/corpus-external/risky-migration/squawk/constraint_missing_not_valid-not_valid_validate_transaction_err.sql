-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/constraint_missing_not_valid.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@5
BEGIN;
ALTER TABLE "app_email" ADD CONSTRAINT "fk_user" FOREIGN KEY (user_id) REFERENCES "app_user" (id) NOT VALID;
ALTER TABLE "app_email" VALIDATE CONSTRAINT "fk_user";
COMMIT;
