// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L63-L65 licence: MIT
// expect: none
import { Pool } from 'pg';
for (const id of ids) {
  jobs.push(() => client.query('INSERT INTO t VALUES ($1)', [id]));
}
