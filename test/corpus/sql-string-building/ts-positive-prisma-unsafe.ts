// expect: sql-string-building@6
import { prisma } from "../lib/prisma.js";

export async function findInvoices(accountId: string, orderBy: string) {
  return prisma.$queryRawUnsafe(
    `SELECT * FROM "Invoice" WHERE "accountId" = '${accountId}' ORDER BY ${orderBy}`,
  );
}
