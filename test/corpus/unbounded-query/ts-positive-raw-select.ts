// expect: unbounded-query@6
import type { FastifyInstance } from "fastify";

export async function auditRoutes(app: FastifyInstance) {
  app.get("/audit", async (request, reply) => {
    const { rows } = await app.pg.query("SELECT * FROM audit_log ORDER BY created_at DESC");
    return reply.send(rows);
  });
}
