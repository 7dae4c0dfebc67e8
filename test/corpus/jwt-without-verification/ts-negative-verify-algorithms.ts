// expect: none
import type { NextFunction, Request, Response } from "express";
import jwt from "jsonwebtoken";
import { getSigningKey } from "./jwks.js";

export async function requireUser(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer /, "");
  if (!token) return res.status(401).end();
  const header = jwt.decode(token, { complete: true })?.header;
  const key = await getSigningKey(header?.kid);
  const claims = jwt.verify(token, key, { algorithms: ["RS256"], audience: "api" });
  res.locals.claims = claims;
  next();
}
