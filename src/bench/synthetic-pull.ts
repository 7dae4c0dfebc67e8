/**
 * Synthetic pull requests of realistic server code for `bench-review`: Express/TypeScript routes, Go
 * handlers, Python views, Java services and SQL migrations, each file a GitHub-style per-file `patch`
 * (hunks only) of ~20–40 added lines with context, and about one file in twelve carrying a real defect
 * (SQL built by concatenation, a destructive migration). Deterministic for a given seed.
 */

/** One `pulls.listFiles` entry, plus the changed lines' text the benchmark measures the prompt against. */
export interface SyntheticFile {
  filename: string;
  status: "added" | "modified";
  additions: number;
  deletions: number;
  changes: number;
  patch: string;
  /** The hunks the patch was rendered from, to derive follow-up pushes. */
  hunks: SyntheticHunk[];
}

export interface SyntheticLine {
  kind: "add" | "del" | "context";
  text: string;
}

export interface SyntheticHunk {
  oldStart: number;
  newStart: number;
  header: string;
  lines: SyntheticLine[];
}

/** A follow-up push that changes one added line of one file. */
export interface SyntheticFollowUp {
  /** The pull request's files at the new head (base...newHead). */
  files: SyntheticFile[];
  /** `compareCommitsWithBasehead(oldHead...newHead)`'s one file. */
  compareFile: {
    filename: string;
    status: "modified";
    additions: number;
    deletions: number;
    changes: number;
    patch: string;
  };
}

/** mulberry32: a small, fast, seedable PRNG. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const entities = [
  "user",
  "order",
  "invoice",
  "payment",
  "product",
  "shipment",
  "customer",
  "coupon",
  "review",
  "warehouse",
  "subscription",
  "refund",
  "tenant",
  "report",
  "webhook",
  "cart",
];

interface Names {
  /** `order` */
  e: string;
  /** `Order` */
  E: string;
  /** `orders` */
  p: string;
  /** a small number, to vary literals */
  n: string;
}

function toNames(entity: string, random: Random): Names {
  return {
    e: entity,
    E: entity[0]!.toUpperCase() + entity.slice(1),
    p: entity.endsWith("y") ? `${entity.slice(0, -1)}ies` : `${entity}s`,
    n: String(10 + Math.floor(random() * 490)),
  };
}

function fill(template: readonly string[], names: Names): string[] {
  return template.map((line) =>
    line
      .replaceAll("$E", names.E)
      .replaceAll("$e", names.e)
      .replaceAll("$p", names.p)
      .replaceAll("$n", names.n),
  );
}

interface Language {
  path(names: Names, index: number): string;
  /** Lines of the file before the change (context). */
  context: readonly (readonly string[])[];
  /** Blocks of added code. */
  blocks: readonly (readonly string[])[];
  /** Blocks with a real defect. */
  defects: readonly (readonly string[])[];
  hunkHeader: string;
}

const typescript: Language = {
  path: (x, i) => `src/routes/${x.p}-${i}.ts`,
  hunkHeader: "export function create$ERouter(deps: RouterDeps): Router {",
  context: [
    [
      'import { Router } from "express";',
      'import { z } from "zod";',
      'import type { RouterDeps } from "../deps.js";',
    ],
    ["  const router = Router();", "  const { db, log, $eRepository } = deps;", ""],
    ["  return router;", "}", ""],
  ],
  blocks: [
    [
      '  router.get("/$p/:id", async (req, res, next) => {',
      "    try {",
      "      const $e = await $eRepository.findById(req.params.id);",
      '      if (!$e) return res.status(404).json({ error: "not_found" });',
      "      res.json($e);",
      "    } catch (err) {",
      "      next(err);",
      "    }",
      "  });",
    ],
    [
      "  const create$ESchema = z.object({",
      "    name: z.string().min(1).max(200),",
      "    quantity: z.number().int().positive().max($n),",
      "    note: z.string().max(2000).optional(),",
      "  });",
    ],
    [
      '  router.post("/$p", async (req, res, next) => {',
      "    const parsed = create$ESchema.safeParse(req.body);",
      '    if (!parsed.success) return res.status(400).json({ error: "invalid_body", issues: parsed.error.issues });',
      "    try {",
      "      const created = await $eRepository.create({ ...parsed.data, ownerId: req.user.id });",
      '      log.info({ $eId: created.id }, "$e created");',
      "      res.status(201).json(created);",
      "    } catch (err) {",
      "      next(err);",
      "    }",
      "  });",
    ],
    [
      '  router.get("/$p", async (req, res) => {',
      "    const limit = Math.min(Number(req.query.limit ?? 50), $n);",
      '    const cursor = typeof req.query.cursor === "string" ? req.query.cursor : undefined;',
      "    const page = await $eRepository.list({ ownerId: req.user.id, limit, cursor });",
      "    res.json({ items: page.items, next: page.nextCursor });",
      "  });",
    ],
  ],
  defects: [
    [
      '  router.get("/$p/search", async (req, res) => {',
      '    const rows = await db.query("SELECT * FROM $p WHERE name LIKE \'%" + req.query.q + "%\'");',
      "    res.json(rows);",
      "  });",
    ],
  ],
};

const go: Language = {
  path: (x, i) => `internal/handlers/${x.e}_${i}.go`,
  hunkHeader: "type $EHandler struct {",
  context: [
    ["package handlers", "", "import ("],
    ['\t"encoding/json"', '\t"net/http"', ")"],
    ["}", "", "// Routes registers the handler's endpoints."],
  ],
  blocks: [
    [
      "func (h *$EHandler) Get$E(w http.ResponseWriter, r *http.Request) {",
      '\tid := chi.URLParam(r, "id")',
      "\t$e, err := h.store.Get$E(r.Context(), id)",
      "\tif errors.Is(err, store.ErrNotFound) {",
      '\t\thttp.Error(w, "not found", http.StatusNotFound)',
      "\t\treturn",
      "\t}",
      "\tif err != nil {",
      '\t\th.log.Error("get $e", "err", err)',
      '\t\thttp.Error(w, "internal error", http.StatusInternalServerError)',
      "\t\treturn",
      "\t}",
      "\twriteJSON(w, http.StatusOK, $e)",
      "}",
      "",
    ],
    [
      "func (h *$EHandler) Create$E(w http.ResponseWriter, r *http.Request) {",
      "\tvar input Create$EInput",
      "\tif err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&input); err != nil {",
      '\t\thttp.Error(w, "invalid body", http.StatusBadRequest)',
      "\t\treturn",
      "\t}",
      "\tctx, cancel := context.WithTimeout(r.Context(), $n*time.Millisecond)",
      "\tdefer cancel()",
      "\tcreated, err := h.store.Create$E(ctx, input)",
      "\tif err != nil {",
      '\t\thttp.Error(w, "could not create", http.StatusInternalServerError)',
      "\t\treturn",
      "\t}",
      "\twriteJSON(w, http.StatusCreated, created)",
      "}",
      "",
    ],
  ],
  defects: [
    [
      "func (h *$EHandler) Search$E(w http.ResponseWriter, r *http.Request) {",
      '\towner := r.URL.Query().Get("owner")',
      '\tquery := "SELECT id, name FROM $p WHERE owner = \'" + owner + "\'"',
      "\trows, err := h.db.QueryContext(r.Context(), query)",
      "\tif err != nil {",
      "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
      "\t\treturn",
      "\t}",
      "\tdefer rows.Close()",
      "\twriteRows(w, rows)",
      "}",
      "",
    ],
  ],
};

const python: Language = {
  path: (x, i) => `app/views/${x.p}_${i}.py`,
  hunkHeader: 'bp = Blueprint("$p", __name__)',
  context: [
    ["from flask import Blueprint, jsonify, request", "from app.models import $E, db", ""],
    ["", "", "@bp.errorhandler(ValidationError)"],
    [
      "def handle_validation(error):",
      '    return jsonify({"error": "invalid", "details": error.messages}), 400',
      "",
    ],
  ],
  blocks: [
    [
      '@bp.route("/$p/<int:$e_id>", methods=["GET"])',
      "@login_required",
      "def get_$e($e_id):",
      "    $e = $E.query.filter_by(id=$e_id, owner_id=current_user.id).first_or_404()",
      "    return jsonify($e.to_dict())",
      "",
    ],
    [
      '@bp.route("/$p", methods=["POST"])',
      "@login_required",
      "def create_$e():",
      "    data = $ESchema().load(request.get_json(force=True))",
      "    $e = $E(owner_id=current_user.id, **data)",
      "    db.session.add($e)",
      "    db.session.commit()",
      "    return jsonify($e.to_dict()), 201",
      "",
    ],
    [
      '@bp.route("/$p", methods=["GET"])',
      "def list_$p():",
      '    limit = min(int(request.args.get("limit", 50)), $n)',
      "    items = $E.query.order_by($E.id).limit(limit).all()",
      '    return jsonify({"items": [item.to_dict() for item in items]})',
      "",
    ],
  ],
  defects: [
    [
      '@bp.route("/$p/by-email", methods=["GET"])',
      "def find_$e_by_email():",
      '    email = request.args["email"]',
      "    cursor = db.engine.raw_connection().cursor()",
      "    cursor.execute(\"SELECT * FROM $p WHERE email = '%s'\" % email)",
      "    return jsonify(cursor.fetchall())",
      "",
    ],
  ],
};

const java: Language = {
  path: (x, i) => `src/main/java/com/acme/shop/${x.e}/${x.E}Service${i}.java`,
  hunkHeader: "public class $EService {",
  context: [
    ["package com.acme.shop.$e;", "", "import org.springframework.stereotype.Service;"],
    ["    private final $ERepository $eRepository;", "    private final JdbcTemplate jdbcTemplate;", ""],
    ["    }", "}", ""],
  ],
  blocks: [
    [
      "    @Transactional(readOnly = true)",
      "    public $EDto find$E(long id) {",
      "        $E $e = $eRepository.findById(id)",
      '            .orElseThrow(() -> new NotFoundException("$e " + id));',
      "        return mapper.toDto($e);",
      "    }",
      "",
    ],
    [
      "    @Transactional",
      "    public $EDto create$E(Create$ERequest request, String idempotencyKey) {",
      "        return idempotency.run(idempotencyKey, () -> {",
      "            $E $e = new $E(request.name(), request.quantity());",
      "            $eRepository.save($e);",
      "            events.publish(new $ECreated($e.getId()));",
      "            return mapper.toDto($e);",
      "        });",
      "    }",
      "",
    ],
    [
      "    public Page<$EDto> list$Es(Pageable pageable) {",
      "        Pageable bounded = PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), $n));",
      "        return $eRepository.findAll(bounded).map(mapper::toDto);",
      "    }",
      "",
    ],
  ],
  defects: [
    [
      "    public List<$EDto> findByStatus(String status) {",
      '        String sql = "SELECT * FROM $p WHERE status = \'" + status + "\'";',
      "        return jdbcTemplate.query(sql, rowMapper);",
      "    }",
      "",
    ],
  ],
};

const sql: Language = {
  path: (x, i) => `db/migrations/${String(1000 + i).padStart(5, "0")}_${x.p}_${i}.sql`,
  hunkHeader: "",
  context: [
    ["-- Migration: $p", "SET lock_timeout = '5s';", ""],
    ["", "COMMIT;", ""],
    ["", "", ""],
  ],
  blocks: [
    [
      "CREATE TABLE $p_audit_$n (",
      "    id BIGSERIAL PRIMARY KEY,",
      "    $e_id BIGINT NOT NULL REFERENCES $p(id) ON DELETE CASCADE,",
      "    action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),",
      "    actor_id BIGINT NOT NULL,",
      "    created_at TIMESTAMPTZ NOT NULL DEFAULT now()",
      ");",
      "",
    ],
    [
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_$p_owner_$n ON $p (owner_id, created_at DESC);",
      "ALTER TABLE $p ADD COLUMN IF NOT EXISTS archived_at TIMESTAMPTZ;",
      "COMMENT ON COLUMN $p.archived_at IS 'Set when the $e is archived; NULL while active';",
      "",
    ],
    [
      "ALTER TABLE $p ADD COLUMN total_cents BIGINT;",
      "UPDATE $p SET total_cents = 0 WHERE total_cents IS NULL AND id < $n000;",
      "ALTER TABLE $p ADD CONSTRAINT $p_total_nonneg_$n CHECK (total_cents >= 0) NOT VALID;",
      "",
    ],
  ],
  defects: [
    ["ALTER TABLE $p DROP COLUMN legacy_code;", "ALTER TABLE $p ADD COLUMN region TEXT NOT NULL;", ""],
  ],
};

const languages: readonly Language[] = [typescript, go, python, java, sql];

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)]!;
}

/** 20–40 added lines from the language's blocks; one file in twelve gets a defect block. */
function buildAddedLines(language: Language, names: Names, random: Random): string[] {
  const target = 20 + Math.floor(random() * 21);
  const lines: string[] = [];
  if (random() < 1 / 12) lines.push(...fill(pick(language.defects, random), names));
  while (lines.length < target) lines.push(...fill(pick(language.blocks, random), names));
  return lines.slice(0, 40);
}

function toHunkHeader(hunk: SyntheticHunk): string {
  const oldCount = hunk.lines.filter((l) => l.kind !== "add").length;
  const newCount = hunk.lines.filter((l) => l.kind !== "del").length;
  const oldStart = oldCount === 0 ? 0 : hunk.oldStart;
  const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
  const suffix = hunk.header ? ` ${hunk.header}` : "";
  return `@@ -${range(oldStart, oldCount)} +${range(hunk.newStart, newCount)} @@${suffix}`;
}

/** GitHub's per-file patch: hunks only, no `diff --git` header. */
export function toPatch(hunks: readonly SyntheticHunk[]): string {
  const out: string[] = [];
  for (const hunk of hunks) {
    out.push(toHunkHeader(hunk));
    for (const line of hunk.lines) {
      out.push(`${line.kind === "add" ? "+" : line.kind === "del" ? "-" : " "}${line.text}`);
    }
  }
  return out.join("\n");
}

function toFile(filename: string, status: SyntheticFile["status"], hunks: SyntheticHunk[]): SyntheticFile {
  const additions = hunks.reduce((sum, h) => sum + h.lines.filter((l) => l.kind === "add").length, 0);
  const deletions = hunks.reduce((sum, h) => sum + h.lines.filter((l) => l.kind === "del").length, 0);
  return {
    filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    patch: toPatch(hunks),
    hunks,
  };
}

function buildFile(index: number, random: Random): SyntheticFile {
  const language = languages[index % languages.length]!;
  const names = toNames(pick(entities, random), random);
  const filename = language.path(names, index);
  const added = buildAddedLines(language, names, random);
  const header = fill([language.hunkHeader], names)[0]!;

  if (random() < 0.3) {
    // A new file: one hunk, every line added.
    const hunk: SyntheticHunk = {
      oldStart: 0,
      newStart: 1,
      header: "",
      lines: added.map((text) => ({ kind: "add", text })),
    };
    return toFile(filename, "added", [hunk]);
  }

  // A modified file: one or two hunks, three context lines around each, sometimes lines replaced.
  const [before, middle, after] = language.context.map((block) => fill(block, names));
  const split = random() < 0.4 ? Math.floor(added.length / 2) : added.length;
  const parts = split < added.length ? [added.slice(0, split), added.slice(split)] : [added];
  const hunks: SyntheticHunk[] = [];
  let oldLine = 12 + Math.floor(random() * 80);
  let shift = 0;
  parts.forEach((part, partIndex) => {
    const deleted = random() < 0.5 ? Math.floor(random() * 4) : 0;
    const lines: SyntheticLine[] = [
      ...(partIndex === 0 ? before! : middle!).map((text): SyntheticLine => ({ kind: "context", text })),
      ...Array.from(
        { length: deleted },
        (_, k): SyntheticLine => ({
          kind: "del",
          text: `  // TODO(${names.e}): remove legacy path ${k + 1}`,
        }),
      ),
      ...part.map((text): SyntheticLine => ({ kind: "add", text })),
      ...after!.map((text): SyntheticLine => ({ kind: "context", text })),
    ];
    hunks.push({ oldStart: oldLine, newStart: oldLine + shift, header, lines });
    const oldCount = lines.filter((l) => l.kind !== "add").length;
    shift += part.length - deleted;
    oldLine += oldCount + 20 + Math.floor(random() * 40);
  });
  return toFile(filename, "modified", hunks);
}

/**
 * A pull request of `count` changed files; file `i` is in language `i mod 5` (TS, Go, Python, Java, SQL).
 *
 * @example buildSyntheticPull({ count: 100, seed: 42 }).length === 100
 */
export function buildSyntheticPull(params: { count: number; seed: number }): SyntheticFile[] {
  const random = createRandom(params.seed);
  return Array.from({ length: params.count }, (_, index) => buildFile(index, random));
}

/** New-file line numbers of a hunk's added lines, in order. */
function listAddedLineNumbers(hunk: SyntheticHunk): { lineIndex: number; newLine: number }[] {
  const out: { lineIndex: number; newLine: number }[] = [];
  let newLine = hunk.newStart;
  hunk.lines.forEach((line, lineIndex) => {
    if (line.kind === "del") return;
    if (line.kind === "add") out.push({ lineIndex, newLine });
    newLine += 1;
  });
  return out;
}

/**
 * A one-line follow-up push: the first added line of the first file's first hunk is edited. The pull
 * request's patch of that file changes accordingly, and the comparison of the two heads shows exactly
 * that one line replaced.
 */
export function buildFollowUp(files: readonly SyntheticFile[]): SyntheticFollowUp {
  const target = files[0];
  const firstHunk = target?.hunks[0];
  const added = firstHunk ? listAddedLineNumbers(firstHunk)[0] : undefined;
  if (!target || !firstHunk || !added) throw new Error("A follow-up needs a first file with an added line");
  const oldText = firstHunk.lines[added.lineIndex]!.text;
  const newText = `${oldText} // reviewed: keep in sync with the API schema`;
  const hunks = target.hunks.map((hunk, hunkIndex) =>
    hunkIndex === 0
      ? {
          ...hunk,
          lines: hunk.lines.map((line, i) => (i === added.lineIndex ? { ...line, text: newText } : line)),
        }
      : hunk,
  );
  const updated = toFile(target.filename, target.status, hunks);
  return {
    files: [updated, ...files.slice(1)],
    compareFile: {
      filename: target.filename,
      status: "modified",
      additions: 1,
      deletions: 1,
      changes: 2,
      patch: `@@ -${added.newLine} +${added.newLine} @@\n-${oldText}\n+${newText}`,
    },
  };
}

/** The text of a file's added and deleted lines, one per line (what the prompt ratio is measured against). */
export function getChangedText(file: SyntheticFile): string {
  return file.hunks
    .flatMap((hunk) => hunk.lines.filter((line) => line.kind !== "context").map((line) => line.text))
    .join("\n");
}
