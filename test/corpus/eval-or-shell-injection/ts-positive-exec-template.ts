// expect: eval-or-shell-injection@10
import { exec } from "node:child_process";
import { promisify } from "node:util";
import type { Request, Response } from "express";

const run = promisify(exec);

export async function createThumbnail(req: Request, res: Response) {
  const file = req.body.file as string;
  await run(`convert uploads/${file} -resize 200x200 thumbs/${file}`);
  res.status(201).json({ thumbnail: `thumbs/${file}` });
}
