// expect: none
import { prisma } from "../lib/prisma.js";

// Nightly job, not on a request path: walks the table in pages.
export async function reindexAll() {
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.product.findMany({ take: 500, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });
    if (page.length === 0) break;
    await indexProducts(page);
    cursor = page[page.length - 1]?.id;
  }
}

async function indexProducts(_products: unknown[]) {}
