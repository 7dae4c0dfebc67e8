// expect: sensitive-data-in-logs@8, sensitive-data-in-logs@14
import type { Request, Response } from "express";
import { logger } from "../logger.js";
import { authenticate } from "./authenticate.js";

export async function login(req: Request, res: Response) {
  const { email, password } = req.body;
  logger.info({ email, password }, "login attempt");
  const session = await authenticate(email, password);
  if (!session) {
    logger.warn(`failed login for ${email}`);
    return res.status(401).end();
  }
  console.log("issued token", session.accessToken);
  res.json(session);
}
