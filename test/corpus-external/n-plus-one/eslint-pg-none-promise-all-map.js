// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L50-L50 licence: MIT
// expect: none
import { Pool } from 'pg';
async function f() { await Promise.all(items.map(item => client.query('INSERT', [item]))); }
