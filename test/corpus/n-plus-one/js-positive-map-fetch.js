// expect: n-plus-one@9
const express = require("express");
const router = express.Router();

router.get("/repos/:org", async (req, res) => {
  const repos = await loadRepos(req.params.org);
  const withStars = await Promise.all(
    repos.map(async (repo) => {
      const response = await fetch(`https://api.example.com/repos/${repo.id}/stars`, { signal: AbortSignal.timeout(3000) });
      return { ...repo, stars: (await response.json()).count };
    }),
  );
  res.json(withStars);
});

module.exports = router;
