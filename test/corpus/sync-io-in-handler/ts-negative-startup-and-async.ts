// expect: none
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { scrypt } from "node:crypto";
import { promisify } from "node:util";
import { Router } from "express";

const scryptAsync = promisify(scrypt);
const template = readFileSync(new URL("./email.html", import.meta.url), "utf8");

export const router = Router();

router.get("/docs/:name", async (req, res) => {
  const markdown = await readFile(`docs/${req.params.name}.md`, "utf8");
  res.send(template.replace("{{body}}", markdown));
});

router.post("/hash", async (req, res) => {
  const key = await scryptAsync(req.body.password, "salt", 32);
  res.json({ key: (key as Buffer).toString("hex") });
});
