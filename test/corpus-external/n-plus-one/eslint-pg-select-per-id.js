// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L100-L102 licence: MIT
// expect: n-plus-one@5
import { Pool } from 'pg';
for (const id of ids) {
  await client.query('SELECT * FROM items WHERE id = $1', [id]);
}
