// expect: jwt-without-verification@9
const jwt = require("jsonwebtoken");
const fs = require("fs");

const publicKey = fs.readFileSync(process.env.JWT_PUBLIC_KEY_PATH);

function authenticate(req, res, next) {
  try {
    req.user = jwt.verify(req.cookies.session, publicKey);
    next();
  } catch (err) {
    res.status(401).json({ error: "invalid session" });
  }
}

module.exports = { authenticate };
