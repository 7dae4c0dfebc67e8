import { describe, expect, it } from "@jest/globals";
import type { ChangedFile } from "../../src/diff/changed-file.js";
import { getLeaveOutReason, selectServerFiles } from "../../src/diff/select-server-files.js";

const kept = [
  "src/routes/users.js",
  "src/handlers/orders.ts",
  "app/controllers/payments_controller.rb",
  "services/billing/service.go",
  "api/src/main/java/com/acme/UserRepository.java",
  "app/models.py",
  "db/migrations/20240101_add_index.sql",
  "migrations/0003_users.py",
  "prisma/schema.prisma",
  "proto/orders/v1/orders.proto",
  "schema/schema.graphql",
  "openapi.yaml",
  "api/openapi/users.yaml",
  "Dockerfile",
  "services/api/Dockerfile.prod",
  "docker-compose.yml",
  "deploy/k8s/deployment.yaml",
  "infra/main.tf",
  "workers/consumers/email-consumer.ts",
  "src/pages/api/users.ts",
  "web/server/index.ts",
  "lib/queue.mjs",
] as const;

const leftOut = [
  { path: "public/css/search.css", reason: "frontend asset" },
  { path: "src/components/Button.tsx", reason: "frontend asset" },
  { path: "frontend/src/api-client.ts", reason: "frontend code" },
  { path: "static/js/app.js", reason: "frontend code" },
  { path: "README.md", reason: "documentation" },
  { path: "docs/architecture.rst", reason: "documentation" },
  { path: "package-lock.json", reason: "lock file" },
  { path: "go.sum", reason: "lock file" },
  { path: "poetry.lock", reason: "lock file" },
  { path: "vendor/github.com/lib/pq/conn.go", reason: "vendored code" },
  { path: "node_modules/express/index.js", reason: "vendored code" },
  { path: "api/orders.pb.go", reason: "generated file" },
  { path: "dist/server.js", reason: "generated file" },
  { path: "src/__generated__/types.ts", reason: "generated file" },
  { path: "assets/logo.png", reason: "frontend asset" },
  { path: ".gitignore", reason: "not server-side code" },
  { path: "config/settings.json", reason: "not server-side code" },
] as const;

describe("getLeaveOutReason", () => {
  it.each(kept.map((path) => ({ path })))("keeps $path", ({ path }) => {
    expect(getLeaveOutReason(path)).toBeNull();
  });

  it.each(leftOut.map((c) => ({ ...c })))("leaves out $path as $reason", ({ path, reason }) => {
    expect(getLeaveOutReason(path)).toBe(reason);
  });
});

describe("selectServerFiles", () => {
  const file = (filename: string, status: ChangedFile["status"] = "modified"): ChangedFile => ({
    filename,
    status,
    additions: 1,
    deletions: 0,
    changes: 1,
    patch: "@@ -0,0 +1 @@\n+x",
  });

  it("splits files into selected and left out, with a reason for every file left out", () => {
    const result = selectServerFiles([
      file("src/routes/users.js"),
      file("public/css/search.css", "added"),
      file("src/old-handler.js", "removed"),
    ]);
    expect(result.selected.map((f) => f.filename)).toEqual(["src/routes/users.js"]);
    expect(result.leftOut).toEqual([
      { path: "public/css/search.css", reason: "frontend asset" },
      { path: "src/old-handler.js", reason: "deleted file" },
    ]);
  });
});
