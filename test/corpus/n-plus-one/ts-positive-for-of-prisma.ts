// expect: n-plus-one@9
import type { Request, Response } from "express";
import { prisma } from "../lib/prisma.js";

export async function listTeamMembers(req: Request, res: Response) {
  const memberships = await prisma.membership.findMany({ where: { teamId: req.params.teamId }, take: 100 });
  const members = [];
  for (const membership of memberships) {
    const user = await prisma.user.findUnique({ where: { id: membership.userId } });
    members.push({ ...user, role: membership.role });
  }
  res.json(members);
}
