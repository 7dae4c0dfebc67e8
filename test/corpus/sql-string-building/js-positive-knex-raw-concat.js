// expect: sql-string-building@7
const knex = require("../db/knex");

async function deactivateAccounts(tenantId, ids) {
  // bulk update requested by the admin console
  const idList = ids.join(",");
  return knex.raw("UPDATE accounts SET active = false WHERE tenant_id = " + tenantId + " AND id IN (" + idList + ")");
}

module.exports = { deactivateAccounts };
