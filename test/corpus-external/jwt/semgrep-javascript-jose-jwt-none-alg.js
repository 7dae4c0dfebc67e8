// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:javascript/jose/security/jwt-none-alg.js licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: jwt-without-verification@4
// ruleid: jwt-none-alg
const jose = require("jose");
const { JWK, JWT } = jose;
const token = JWT.verify('token-here', JWK.None);
