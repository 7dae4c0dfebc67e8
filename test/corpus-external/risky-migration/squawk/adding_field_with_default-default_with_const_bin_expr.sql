-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_field_with_default.rs licence: Apache-2.0 OR MIT
-- expect: none
ALTER TABLE assessments
ADD COLUMN statistics_last_updated_at timestamptz NOT NULL DEFAULT now() - interval '100 years';
