// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L30-L32 licence: MIT
// expect: none
import { Pool } from 'pg';
async function insert() {
  await client.query('INSERT INTO users ...');
}
