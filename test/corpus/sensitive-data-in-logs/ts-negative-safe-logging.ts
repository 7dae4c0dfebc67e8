// expect: none
import type { Request, Response } from "express";
import { logger } from "../logger.js";
import { authenticate } from "./authenticate.js";

export async function login(req: Request, res: Response) {
  const { email, password } = req.body;
  logger.info({ email, hasPassword: Boolean(password), passwordLength: password.length }, "login attempt");
  const session = await authenticate(email, password);
  logger.info({ userId: session.userId, tokenExpiresAt: session.token.expiresAt }, "session issued");
  logger.debug("request", { userAgent: req.headers["user-agent"], password: "[redacted]" });
  console.log("password reset requested for user %s", session.userId);
  res.json(session);
}
