// source: ofri-peretz/eslint@a22fd9b7755f:packages/eslint-plugin-postgresql-security/src/rules/no-batch-insert-loop/index.spec.ts#L110-L112 licence: MIT
// expect: n-plus-one@5
import { Pool } from 'pg';
for (const tenant of tenants) {
  await Promise.all(tenant.skus.map(sku => client.query('UPDATE p SET t = $1 WHERE sku = $2', [tenant.id, sku])));
}
