-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/disallow_unique_constraint.rs licence: Apache-2.0 OR MIT
-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY dist_id_temp_idx ON distributors (dist_id);
ALTER TABLE distributors DROP CONSTRAINT distributors_pkey,
ADD CONSTRAINT distributors_pkey PRIMARY KEY USING INDEX dist_id_temp_idx;
