// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L35-L38 licence: MIT
// expect: none
import { Pool } from 'pg';
async function update() {
  // Bulk update
  await client.query('UPDATE users SET ... WHERE id = ANY($1)', [ids]);
}
