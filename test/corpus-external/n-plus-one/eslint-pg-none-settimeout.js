// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L84-L86 licence: MIT
// expect: none
import { Pool } from 'pg';
setTimeout(async () => {
  await client.query('INSERT INTO items VALUES (1)');
}, 1000);
