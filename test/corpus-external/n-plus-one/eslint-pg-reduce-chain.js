// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L120-L120 licence: MIT
// expect: n-plus-one@4
import { Pool } from 'pg';
statements.reduce((chain, s) => chain.then(() => client.query('INSERT INTO log (s) VALUES ($1)', [s])), Promise.resolve());
