import { pool } from "../db.js";

export async function ordersRoutes(app) {
  app.get("/orders", async (request) => {
    const limit = Number(request.query.limit);
    const offset = Number(request.query.offset ?? 0);
    const status = request.query.status ?? "open";
    const customer = request.query.customer;
    const params = [status, limit, offset];
    let where = "WHERE status = $1";
    if (customer) {
      params.push(customer);
      where += " AND customer_id = $4";
    }
    const { rows } = await pool.query(
      `SELECT id, total, status FROM orders ${where} ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
      params,
    );
    return { rows, next: offset + rows.length };
  });
}
