// expect: unbounded-query@5
const { User } = require("../models");

async function listUsers(req, res) {
  const users = await User.findAll({ attributes: ["id", "email", "createdAt"] });
  res.json(users);
}

module.exports = { listUsers };
