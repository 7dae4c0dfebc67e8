// expect: sync-io-in-handler@11
const crypto = require("crypto");
const express = require("express");
const { users } = require("./store");

const app = express();

app.post("/login", express.json(), (req, res) => {
  const user = users.get(req.body.email);
  if (!user) return res.status(401).end();
  const hash = crypto.pbkdf2Sync(req.body.password, user.salt, 310000, 32, "sha256");
  if (!crypto.timingSafeEqual(hash, user.hash)) return res.status(401).end();
  res.json({ ok: true });
});

module.exports = app;
