-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/constraint_missing_not_valid.rs licence: Apache-2.0 OR MIT
-- expect: none
ALTER TABLE "app_email" ADD CONSTRAINT "email_uniq" UNIQUE USING INDEX "email_idx";
