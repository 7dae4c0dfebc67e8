// expect: none
import type { Request, Response } from "express";
import { prisma } from "../lib/prisma.js";

export async function listTeamMembers(req: Request, res: Response) {
  const memberships = await prisma.membership.findMany({ where: { teamId: req.params.teamId }, take: 100 });
  const users = await prisma.user.findMany({ where: { id: { in: memberships.map((m) => m.userId) } } });
  const byId = new Map(users.map((u) => [u.id, u]));
  const members = [];
  for (const membership of memberships) {
    const user = byId.get(membership.userId);
    const owner = users.find((u) => u.id === membership.invitedBy);
    members.push({ ...user, role: membership.role, invitedBy: owner?.name });
  }
  res.json(members);
}
