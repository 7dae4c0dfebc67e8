// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L126-L128 licence: MIT
// expect: n-plus-one@5
import { Pool } from 'pg';
for (const item of items) {
  await client.query('INSERT INTO items VALUES ($1)', [item]);
}
