import { describe, expect, it } from "@jest/globals";
import { getChangeSize, getRiskTier, orderByRisk } from "../../src/budget/rank-risk.js";
import { type Hunk, parsePatch } from "../../src/diff/parse-patch.js";

function addedLines(...lines: string[]): Hunk[] {
  return parsePatch(`@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`);
}

describe("getRiskTier by path", () => {
  it.each([
    { path: "src/auth/login.ts", tier: 0 },
    { path: "src/middleware/authGuard.ts", tier: 0 },
    { path: "app/services/SessionStore.java", tier: 0 },
    { path: "pkg/jwt/verify.go", tier: 0 },
    { path: "lib/oauth2_client.py", tier: 0 },
    { path: "src/rbac/policies.ts", tier: 0 },
    { path: "src/users/password-reset.ts", tier: 0 },
    { path: "internal/crypto/aes.go", tier: 0 },
    { path: "db/migrations/20260101_add_users.rb", tier: 1 },
    { path: "sql/reports.sql", tier: 1 },
    { path: "prisma/schema.prisma", tier: 1 },
    { path: "app/db/schema.rb", tier: 1 },
    { path: "src/routes/users.ts", tier: 2 },
    { path: "internal/http/user_handler.go", tier: 2 },
    { path: "src/main/java/com/acme/UserController.java", tier: 2 },
    { path: "shop/views.py", tier: 2 },
    { path: "src/graphql/resolvers/order.ts", tier: 2 },
    { path: "src/api/v1/orders.ts", tier: 2 },
    { path: "src/models/order.ts", tier: 3 },
    { path: "src/main/java/com/acme/OrderRepository.java", tier: 3 },
    { path: "internal/dao/order_dao.go", tier: 3 },
    { path: "src/queue/email-worker.ts", tier: 4 },
    { path: "app/jobs/cleanup_job.rb", tier: 4 },
    { path: "src/locks/redis-lock.ts", tier: 4 },
    { path: "Dockerfile", tier: 5 },
    { path: "docker/Dockerfile.prod", tier: 5 },
    { path: "docker-compose.yml", tier: 5 },
    { path: "deploy/k8s/deployment.yaml", tier: 5 },
    { path: "charts/app/values.yaml", tier: 5 },
    { path: "infra/main.tf", tier: 5 },
    { path: ".env.example", tier: 5 },
    { path: "config/settings.ts", tier: 5 },
    { path: "src/lib/format-date.ts", tier: 6 },
    { path: "src/authors/list.ts", tier: 6 },
    { path: "src/tokenizer/split.ts", tier: 6 },
  ])("$path → tier $tier", ({ path, tier }) => {
    expect(getRiskTier(path, []).tier).toBe(tier);
  });

  it("takes the riskiest of several signals", () => {
    expect(getRiskTier("src/auth/config.ts", [])).toEqual({
      tier: 0,
      reason: 'authentication and permissions (path: "auth")',
    });
  });
});

describe("getRiskTier by added code", () => {
  it.each([
    { name: "jwt call", line: "const claims = jwt.verify(token, key);", tier: 0 },
    { name: "bcrypt", line: "const ok = await bcrypt.compare(pw, hash);", tier: 0 },
    {
      name: "raw SQL",
      line: 'const rows = await db.any("SELECT id, name FROM users WHERE id = $1", [id]);',
      tier: 1,
    },
    { name: "prisma raw query", line: "await prisma.$queryRawUnsafe(sql);", tier: 1 },
    { name: "express route", line: 'router.post("/orders", createOrder);', tier: 2 },
    { name: "Spring mapping", line: '@GetMapping("/orders/{id}")', tier: 2 },
    { name: "JPA entity", line: "@Entity", tier: 3 },
    { name: "transaction", line: "BEGIN TRANSACTION;", tier: 4 },
    { name: "Spring transaction", line: "@Transactional", tier: 4 },
    { name: "goroutine", line: "go func() { results <- work(item) }()", tier: 4 },
    { name: "mutex", line: "var mu sync.Mutex", tier: 4 },
    { name: "plain code", line: "return items.map((item) => item.id);", tier: 6 },
    { name: "prose that mentions select and from", line: "// select the rows from the cache", tier: 6 },
  ])("$name → tier $tier", ({ line, tier }) => {
    expect(getRiskTier("src/services/orders.ts", addedLines(line)).tier).toBe(tier);
  });

  it("lifts a repository with SQL text to the SQL tier and says why", () => {
    const risk = getRiskTier(
      "src/repositories/user-repository.ts",
      addedLines("return this.db.query('DELETE FROM users WHERE id = ' + id);"),
    );
    expect(risk).toEqual({ tier: 1, reason: 'SQL and migrations (added code: "DELETE FROM")' });
  });

  it("ignores deleted and context lines", () => {
    const hunks = parsePatch("@@ -1,2 +1,2 @@\n jwt.verify(a);\n-bcrypt.hash(x);\n+const y = 1;");
    expect(getRiskTier("src/services/x.ts", hunks).tier).toBe(6);
  });
});

describe("orderByRisk", () => {
  it("orders by tier, then larger change first, then path", () => {
    const files = [
      { path: "src/lib/b.ts", hunks: addedLines("a", "b") },
      { path: "src/lib/a.ts", hunks: addedLines("a", "b") },
      { path: "src/routes/small.ts", hunks: addedLines("a") },
      { path: "src/routes/big.ts", hunks: addedLines("a", "b", "c") },
      { path: "src/auth/tiny.ts", hunks: addedLines("a") },
      { path: "src/lib/huge.ts", hunks: addedLines("a", "b", "c", "d", "e") },
    ];
    expect(orderByRisk(files).map((file) => file.path)).toEqual([
      "src/auth/tiny.ts",
      "src/routes/big.ts",
      "src/routes/small.ts",
      "src/lib/huge.ts",
      "src/lib/a.ts",
      "src/lib/b.ts",
    ]);
  });

  it("returns a new array and keeps the file objects", () => {
    const files = [
      { path: "b.ts", hunks: [] },
      { path: "a.ts", hunks: [] },
    ];
    const ordered = orderByRisk(files);
    expect(ordered).not.toBe(files);
    expect(ordered[0]).toBe(files[1]);
    expect(files.map((file) => file.path)).toEqual(["b.ts", "a.ts"]);
  });
});

describe("getChangeSize", () => {
  it("counts added and deleted lines, not context", () => {
    expect(getChangeSize(parsePatch("@@ -1,3 +1,3 @@\n a\n-b\n+c\n+d\n e"))).toBe(3);
  });
});
