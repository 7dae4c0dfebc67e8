// expect: http-client-without-timeout@4, http-client-without-timeout@7
const axios = require("axios");

const github = axios.create({ baseURL: "https://api.github.com", headers: { accept: "application/vnd.github+json" } });

async function createIssue(repo, title, token) {
  const { data } = await axios.post(
    `https://api.github.com/repos/${repo}/issues`,
    { title },
    { headers: { authorization: `Bearer ${token}` } },
  );
  return data;
}

module.exports = { github, createIssue };
