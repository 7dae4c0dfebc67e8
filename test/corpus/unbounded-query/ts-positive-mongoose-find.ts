// expect: unbounded-query@6
import type { Request, Response } from "express";
import { Comment } from "../models/comment.js";

export async function getComments(req: Request, res: Response) {
  const comments = await Comment.find({}).sort({ createdAt: -1 }).lean();
  res.json(comments);
}
