import { Router } from "express";
import { pool } from "../db.js";

export const adminRouter = Router();

adminRouter.post("/users/:id/role", async (req, res) => {
  await pool.query("UPDATE users SET role = $1 WHERE id = $2", [req.body.role, req.params.id]);
  res.sendStatus(204);
});
