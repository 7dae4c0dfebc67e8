// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:javascript/sequelize/security/audit/sequelize-tls-disabled-cert-validation.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: tls-verification-disabled@8, tls-verification-disabled@25, tls-verification-disabled@43

// Example for mysql
module.exports = {

  // ruleid: sequelize-tls-disabled-cert-validation
  dev: {
    username: "0xdbe",
    database: "app_db",
    dialect: "mariadb",
    host: "127.0.0.1",
    dialectOptions: {
      ssl: {
        rejectUnauthorized: false
      }
    }
  }
};

// Example for mysql
module.exports = {

  // ruleid: sequelize-tls-disabled-cert-validation
  dev: {
    username: "0xdbe",
    database: "app_db",
    dialect: "mysql",
    host: "127.0.0.1",
    dialectOptions: {
      ssl: {
        rejectUnauthorized: false
      }
    }
  }
};


// Example for postgresql
module.exports = {

  // ruleid: sequelize-tls-disabled-cert-validation
  dev: {
    username: "0xdbe",
    database: "app_db",
    dialect: "postgres",
    host: "127.0.0.1",
    dialectOptions: {
      ssl: {
        rejectUnauthorized: false
      }
    }
  }
};


// Example for postgresql
module.exports = {

  // ok: sequelize-tls-disabled-cert-validation
  dev: {
    username: "0xdbe",
    database: "app_db",
    dialect: "postgres",
    host: "127.0.0.1",
  }
};
