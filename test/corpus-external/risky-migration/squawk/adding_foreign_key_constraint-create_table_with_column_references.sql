-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_foreign_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: none
CREATE TABLE table_name (
    id BIGSERIAL NOT NULL,
    my_fk_id INTEGER NOT NULL REFERENCES other_table (id) ON DELETE CASCADE
);
