// expect: jwt-without-verification@8
import type { NextFunction, Request, Response } from "express";
import jwt, { type JwtPayload } from "jsonwebtoken";

export function requireUser(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer /, "");
  if (!token) return res.status(401).end();
  const claims = jwt.decode(token) as JwtPayload | null;
  if (!claims?.sub) return res.status(401).end();
  res.locals.userId = claims.sub;
  next();
}
