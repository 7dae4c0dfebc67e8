// expect: tls-verification-disabled@4, tls-verification-disabled@11
// The staging gateway uses a self-signed certificate.
if (process.env.APP_ENV !== "production") {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
}

const { Pool } = require("pg");

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: false },
});

module.exports = { pool };
