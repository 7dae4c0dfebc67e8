// expect: none
const db = require("../db");

async function exportCsv(res) {
  for (const row of await db.query("SELECT id, email FROM subscribers ORDER BY id LIMIT 1000")) {
    res.write(`${row.id},${row.email}\n`);
  }
  const names = ["a", "b"].map((n) => n.toUpperCase());
  res.end(names.join(","));
}

module.exports = { exportCsv };
