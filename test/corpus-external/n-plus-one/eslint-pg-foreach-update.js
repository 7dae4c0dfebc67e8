// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L134-L136 licence: MIT
// expect: n-plus-one@5
import { Pool } from 'pg';
items.forEach(async item => {
  await pool.query('UPDATE items SET val = $1 WHERE id = $2', [item.val, item.id]);
});
