// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L142-L144 licence: MIT
// expect: n-plus-one@5
import { Pool } from 'pg';
while(condition) {
  client.query('INSERT ...');
}
