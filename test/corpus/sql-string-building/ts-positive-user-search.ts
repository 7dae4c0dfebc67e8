// expect: sql-string-building@9
import type { Request, Response } from "express";
import { pool } from "../db/pool.js";

export async function searchUsers(req: Request, res: Response) {
  const term = String(req.query.q ?? "");
  const sort = req.query.sort === "name" ? "name" : "created_at";
  const { rows } = await pool.query(
    `SELECT id, name, email FROM users WHERE name ILIKE '%${term}%' ORDER BY ${sort} LIMIT 50`,
  );
  res.json(rows);
}
