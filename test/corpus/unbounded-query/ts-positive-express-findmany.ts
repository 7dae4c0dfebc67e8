// expect: unbounded-query@8
import { Router } from "express";
import { prisma } from "../lib/prisma.js";

export const productsRouter = Router();

productsRouter.get("/products", async (_req, res) => {
  const products = await prisma.product.findMany({ where: { archived: false }, orderBy: { name: "asc" } });
  res.json(products);
});
