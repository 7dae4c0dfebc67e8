// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L161-L164 licence: MIT
// expect: n-plus-one@5
import { Pool } from 'pg';
items.reduce((acc, item) => {
  client.query('INSERT INTO items VALUES (1)');
  return acc;
}, []);
