// expect: sensitive-data-in-logs@6, sensitive-data-in-logs@11
const express = require("express");
const app = express();

app.use((req, res, next) => {
  console.debug("incoming request", req.method, req.url, req.headers);
  next();
});

app.post("/webhooks/stripe", (req, res) => {
  req.log.info(`stripe webhook auth=${req.headers.authorization}`);
  res.sendStatus(204);
});

module.exports = app;
