// expect: none
import type { Request, Response } from "express";
import { pool } from "../db/pool.js";
import { prisma } from "../lib/prisma.js";
import { sql } from "slonik";

export async function getUser(req: Request, res: Response) {
  const { rows } = await pool.query("SELECT id, name FROM users WHERE id = $1", [req.params.id]);
  const invoices = await prisma.$queryRaw`SELECT * FROM "Invoice" WHERE "userId" = ${req.params.id}`;
  const query = sql.typeAlias("user")`SELECT * FROM users WHERE email = ${String(req.query.email)}`;
  res.json({ user: rows[0], invoices, query });
}

export function describe(count: number, table: string) {
  return `Selected ${count} rows from the ${table} view`;
}
