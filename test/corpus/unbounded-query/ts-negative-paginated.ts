// expect: none
import { Router } from "express";
import { prisma } from "../lib/prisma.js";
import { Comment } from "../models/comment.js";

export const productsRouter = Router();

productsRouter.get("/products", async (req, res) => {
  const take = Math.min(Number(req.query.limit ?? 50), 100);
  const products = await prisma.product.findMany({ where: { archived: false }, take, skip: Number(req.query.offset ?? 0) });
  const comments = await Comment.find({ productId: req.query.id }).sort({ createdAt: -1 }).limit(20).lean();
  const { rows } = await req.app.locals.pool.query("SELECT * FROM audit_log ORDER BY created_at DESC LIMIT 100");
  const tags = products.find((p) => p.featured)?.tags ?? [];
  res.json({ products, comments, rows, tags });
});
