/**
 * Times `runDetectors` on a synthetic 1,000-file pull request of server code (TypeScript, JavaScript, Python,
 * Go, Java, SQL; 30–60 added lines a file, some files with defects). One warm-up pass, then one timed pass.
 *   npx tsc -p tsconfig.build.json && node lib/bench/bench-detectors.js
 * The last line of output is one JSON object: { files, detector_ms, rss_mb }.
 */
import { performance } from "node:perf_hooks";
import { runDetectors } from "../detectors/run-detectors.js";
import { buildLineIndex, type FileLineIndex } from "../diff/line-index.js";
import { parsePatch } from "../diff/parse-patch.js";

const fileCount = 1000;

type Block = (n: number) => string;

/** Code blocks per language; `n` makes names unique per file. Blocks with a defect are marked by their names. */
const blocks: Record<string, { ext: string; header: string; clean: Block[]; defective: Block[] }> = {
  ts: {
    ext: "ts",
    header: `import type { Request, Response } from "express";\nimport { prisma } from "../lib/prisma.js";\nimport { logger } from "../logger.js";\n`,
    clean: [
      (n) => `
export async function getAccount${n}(req: Request, res: Response) {
  const id = String(req.params.id);
  const account = await prisma.account.findUnique({ where: { id } });
  if (!account) return res.status(404).json({ error: "not found" });
  logger.info({ accountId: account.id }, "account loaded");
  res.json(account);
}`,
      (n) => `
export async function listInvoices${n}(req: Request, res: Response) {
  const take = Math.min(Number(req.query.limit ?? 20), 100);
  const invoices = await prisma.invoice.findMany({ where: { accountId: String(req.params.id) }, take });
  const total = invoices.reduce((sum, invoice) => sum + invoice.amount, 0);
  res.json({ invoices, total });
}`,
      (n) => `
export function toDto${n}(input: { id: string; name: string; createdAt: Date }) {
  return { id: input.id, name: input.name.trim(), createdAt: input.createdAt.toISOString() };
}`,
    ],
    defective: [
      (n) => `
export async function search${n}(req: Request, res: Response) {
  const rows = await prisma.$queryRawUnsafe(\`SELECT * FROM accounts WHERE name LIKE '%\${req.query.q}%'\`);
  for (const row of rows as { id: string }[]) {
    const owner = await prisma.user.findUnique({ where: { id: row.id } });
    logger.info({ owner, token: req.headers.authorization });
  }
  res.json(rows);
}`,
    ],
  },
  js: {
    ext: "js",
    header: `const express = require("express");\nconst router = express.Router();\nconst db = require("../db");\n`,
    clean: [
      (n) => `
router.get("/items/${n}/:id", async (req, res) => {
  const { rows } = await db.query("SELECT id, name FROM items WHERE id = $1", [req.params.id]);
  res.json(rows[0] ?? null);
});`,
      (n) => `
function formatPrice${n}(cents, currency) {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(cents / 100);
}`,
    ],
    defective: [
      (n) => `
router.post("/upload/${n}", (req, res) => {
  const data = require("fs").readFileSync("/tmp/" + req.body.name);
  const token = Math.random().toString(36).slice(2);
  res.json({ size: data.length, token });
});`,
    ],
  },
  py: {
    ext: "py",
    header: `import logging\n\nimport requests\nfrom django.http import JsonResponse\n\nlogger = logging.getLogger(__name__)\n`,
    clean: [
      (n) => `

def get_order_${n}(request, order_id):
    order = Order.objects.select_related("customer").get(pk=order_id)
    logger.info("order %s loaded", order.id)
    return JsonResponse(order.as_dict())`,
      (n) => `

def normalise_${n}(value):
    value = value.strip().lower()
    return value.replace(" ", "-")`,
    ],
    defective: [
      (n) => `

def sync_${n}(request):
    for customer in Customer.objects.filter(active=True)[:100]:
        resp = requests.get(f"https://crm.example.com/customers/{customer.id}")
        logger.info("synced %s with password %s", customer.id, customer.password)
    return JsonResponse({"ok": True})`,
    ],
  },
  go: {
    ext: "go",
    header: `package handlers\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n`,
    clean: [
      (n) => `
func (s *Server) getUser${n}(w http.ResponseWriter, r *http.Request) {
	var u User
	err := s.db.QueryRowContext(r.Context(), "SELECT id, name FROM users WHERE id = $1", r.PathValue("id")).Scan(&u.ID, &u.Name)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(u)
}`,
      (n) => `
func clamp${n}(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}`,
    ],
    defective: [
      (n) => `
func (s *Server) export${n}(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.Query("SELECT * FROM events WHERE kind = '" + r.URL.Query().Get("kind") + "'")
	defer rows.Close()
	resp, _ := http.Get("https://archive.example.com/notify")
	defer resp.Body.Close()
	w.WriteHeader(http.StatusAccepted)
}`,
    ],
  },
  java: {
    ext: "java",
    header: `package com.acme.api;\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\n`,
    clean: [
      (n) => `
@RestController
class AccountController${n} {
    private final AccountRepository accountRepository;

    AccountController${n}(AccountRepository accountRepository) {
        this.accountRepository = accountRepository;
    }

    @GetMapping("/accounts/{id}")
    public Account get(@PathVariable long id) {
        return accountRepository.findById(id).orElseThrow();
    }
}`,
    ],
    defective: [
      (n) => `
@RestController
class ReportController${n} {
    private final JdbcTemplate jdbcTemplate;

    ReportController${n}(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @GetMapping("/reports")
    public List<Report> list(@RequestParam String region) {
        return jdbcTemplate.query("SELECT * FROM reports WHERE region = '" + region + "'", new ReportMapper());
    }
}`,
    ],
  },
  sql: {
    ext: "sql",
    header: `-- migration\n`,
    clean: [
      (n) => `
CREATE TABLE audit_${n} (
  id bigserial PRIMARY KEY,
  actor_id bigint NOT NULL,
  action text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_${n}_actor_idx ON audit_${n} (actor_id);
CREATE INDEX CONCURRENTLY orders_${n}_created_idx ON orders (created_at);`,
    ],
    defective: [
      (n) => `
ALTER TABLE orders ADD COLUMN channel_${n} text NOT NULL;
CREATE INDEX orders_channel_${n}_idx ON orders (channel_${n});
ALTER TABLE orders DROP COLUMN legacy_${n};`,
    ],
  },
};

const languageMix: [string, number][] = [
  ["ts", 0.35],
  ["js", 0.1],
  ["py", 0.2],
  ["go", 0.15],
  ["java", 0.15],
  ["sql", 0.05],
];

/** Deterministic pseudo-random numbers, so every run benchmarks the same PR. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function pickLanguage(value: number): string {
  let sum = 0;
  for (const [language, share] of languageMix) {
    sum += share;
    if (value < sum) return language;
  }
  return "ts";
}

function buildFile(index: number, random: () => number): { path: string; text: string } {
  const language = pickLanguage(random());
  const spec = blocks[language]!;
  const targetLines = 30 + Math.floor(random() * 31);
  const parts = [spec.header];
  let lines = spec.header.split("\n").length;
  let n = 0;
  const withDefect = random() < 0.2;
  while (lines < targetLines) {
    const pool = withDefect && n === 1 ? spec.defective : spec.clean;
    const block = pool[Math.floor(random() * pool.length)]!(index * 100 + n);
    parts.push(block);
    lines += block.split("\n").length;
    n++;
  }
  const folder = language === "sql" ? "db/migrations" : `services/svc${index % 40}`;
  return { path: `${folder}/file${index}.${spec.ext}`, text: parts.join("\n") };
}

function toAddedFile(path: string, text: string): FileLineIndex {
  const lines = text.split("\n");
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`;
  return buildLineIndex(path, parsePatch(patch));
}

function main(): void {
  const random = createRandom(20_241_102);
  const files = Array.from({ length: fileCount }, (_, index) => {
    const file = buildFile(index, random);
    return toAddedFile(file.path, file.text);
  });
  const addedLines = files.reduce((sum, file) => sum + file.added.size, 0);

  runDetectors(files); // warm-up: grammar loading, regex compilation, JIT
  const start = performance.now();
  const findings = runDetectors(files);
  const detectorMs = Math.round((performance.now() - start) * 10) / 10;
  const rssMb = Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

  const byRule = new Map<string, number>();
  for (const finding of findings)
    byRule.set(finding.ruleId ?? "?", (byRule.get(finding.ruleId ?? "?") ?? 0) + 1);
  const byLanguage = new Map<string, number>();
  for (const file of files) {
    const ext = file.path.slice(file.path.lastIndexOf(".") + 1);
    byLanguage.set(ext, (byLanguage.get(ext) ?? 0) + 1);
  }
  console.log(`files ${files.length}, added lines ${addedLines}`);
  console.log(`by language: ${[...byLanguage].map(([ext, count]) => `${ext} ${count}`).join(", ")}`);
  console.log(`${"detector".padEnd(34)} findings`);
  for (const [ruleId, count] of [...byRule].sort())
    console.log(`${ruleId.padEnd(34)} ${String(count).padStart(8)}`);
  console.log(`${"total".padEnd(34)} ${String(findings.length).padStart(8)}`);
  console.log(
    `time ${detectorMs} ms (${Math.round((detectorMs / files.length) * 1000) / 1000} ms/file), rss ${rssMb} MB`,
  );
  console.log(JSON.stringify({ files: files.length, detector_ms: detectorMs, rss_mb: rssMb }));
}

main();
