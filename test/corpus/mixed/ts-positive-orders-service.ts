// expect: sql-string-building@9, n-plus-one@11, sensitive-data-in-logs@13
import type { Request, Response } from "express";
import axios from "axios";
import { db } from "../db.js";
import { logger } from "../logger.js";

export async function syncOrders(req: Request, res: Response) {
  const since = String(req.query.since ?? "1970-01-01");
  const orders = await db.query(`SELECT id, customer_id FROM orders WHERE updated_at > '${since}' LIMIT 500`);
  for (const order of orders.rows) {
    await axios.post("https://erp.example.com/orders", order, { timeout: 5000 });
  }
  logger.info({ count: orders.rows.length, apiKey: process.env.ERP_API_KEY }, "orders synced");
  res.json({ synced: orders.rows.length });
}

export async function health(_req: Request, res: Response) {
  const started = Date.now();
  await db.query("SELECT 1");
  res.json({ ok: true, ms: Date.now() - started });
}
