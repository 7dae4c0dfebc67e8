// expect: sync-io-in-handler@10
import fs from "node:fs";
import path from "node:path";
import { Router } from "express";

export const docsRouter = Router();

docsRouter.get("/docs/:name", (req, res) => {
  const file = path.join("docs", path.basename(req.params.name));
  const markdown = fs.readFileSync(file, "utf8");
  res.type("text/markdown").send(markdown);
});
