// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L49-L49 licence: MIT
// expect: none
import { Pool } from 'pg';
items.map(item => client.query('SELECT 1'))
