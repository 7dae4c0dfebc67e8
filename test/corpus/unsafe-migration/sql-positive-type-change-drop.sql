-- expect: unsafe-migration@5, unsafe-migration@6, unsafe-migration@8
BEGIN;

ALTER TABLE events
  ALTER COLUMN payload TYPE jsonb USING payload::jsonb,
  DROP COLUMN legacy_payload;

ALTER TABLE users ALTER COLUMN email SET NOT NULL;

COMMIT;
