-- expect: none
CREATE TABLE api_keys (
  id bigserial PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES users (id),
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX api_keys_prefix_idx ON api_keys (prefix);
ALTER TABLE api_keys ADD COLUMN label text NOT NULL;
