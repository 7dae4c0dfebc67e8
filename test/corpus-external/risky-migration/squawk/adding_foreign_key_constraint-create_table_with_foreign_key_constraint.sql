-- source: sbdchd/squawk@5125ddf5ad42:crates/squawk_linter/src/rules/adding_foreign_key_constraint.rs licence: Apache-2.0 OR MIT
-- expect: none
BEGIN;
CREATE TABLE email (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id BIGINT,
    email TEXT,
    PRIMARY KEY(id),
    CONSTRAINT fk_user
        FOREIGN KEY ("user_id")
        REFERENCES "user" ("id")
);
COMMIT;
