// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L54-L59 licence: MIT
// expect: none
import { Pool } from 'pg';
async function exportAll() {
  while (true) {
    const { rows } = await client.query('SELECT id FROM t ORDER BY id LIMIT $1 OFFSET $2', [500, offset]);
    if (rows.length === 0) break;
  }
}
