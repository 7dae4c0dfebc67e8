-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/require_concurrent_index_creation.rs licence: Apache-2.0 OR MIT
-- expect: none
BEGIN;
CREATE TABLE "core_foo" (
"id" serial NOT NULL PRIMARY KEY,
"tenant_id" integer NULL
);
CREATE INDEX "core_foo_tenant_id_4d397ef9" ON "core_foo" ("tenant_id");
COMMIT;
