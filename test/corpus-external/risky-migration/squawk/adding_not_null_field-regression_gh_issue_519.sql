-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_not_null_field.rs licence: Apache-2.0 OR MIT
-- expect: unsafe-migration@5
BEGIN;
-- Running upgrade a -> b
ALTER TABLE my_table ALTER COLUMN my_column SET NOT NULL;
UPDATE alembic_version SET version_num='b' WHERE alembic_version.version_num = 'a';
COMMIT;
