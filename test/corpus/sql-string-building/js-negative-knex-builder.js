// expect: none
const knex = require("../db/knex");

async function findActive(tenantId, limit) {
  const rows = await knex("accounts").where({ tenant_id: tenantId, active: true }).limit(limit);
  const total = await knex.raw("SELECT count(*) FROM accounts WHERE tenant_id = ?", [tenantId]);
  const message = "Found " + rows.length + " accounts where tenant is " + tenantId;
  console.info(message);
  return { rows, total };
}

module.exports = { findActive };
