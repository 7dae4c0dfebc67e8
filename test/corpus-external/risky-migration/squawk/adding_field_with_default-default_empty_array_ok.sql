-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_field_with_default.rs licence: Apache-2.0 OR MIT
-- expect: none
alter table t add column a double precision[] default array[]::double precision[];

alter table t add column b bigint[] default cast(array[] as bigint[]);

alter table t add column c text[] default array['foo', 'bar']::text[];
