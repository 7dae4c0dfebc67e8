import { describe, expect, it } from "@jest/globals";
import { detectorRegistry } from "../../src/detectors/registry.js";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { buildAddedFile } from "./build-added-file.js";

interface Sample {
  name: string;
  path: string;
  code: string;
  ruleId: string;
  /** Expected finding line (positive samples only). */
  line?: number;
}

const positives: Sample[] = [
  {
    name: "sql: template literal into pool.query",
    ruleId: "sql-string-building",
    path: "src/users.ts",
    line: 2,
    code: `export async function find(pool, name) {\n  return pool.query(\`SELECT * FROM users WHERE name = '\${name}'\`);\n}`,
  },
  {
    name: "sql: Python f-string into cursor.execute",
    ruleId: "sql-string-building",
    path: "app/views.py",
    line: 2,
    code: `def find(cursor, slug):\n    cursor.execute(f"SELECT * FROM posts WHERE slug = '{slug}'")\n`,
  },
  {
    name: "sql: Go fmt.Sprintf into db.Query",
    ruleId: "sql-string-building",
    path: "store/users.go",
    line: 4,
    code: `package store\n\nfunc (s *Store) Find(id string) {\n\ts.db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = '%s'", id))\n}\n`,
  },
  {
    name: "sql: Java concatenation into executeQuery",
    ruleId: "sql-string-building",
    path: "src/main/java/Dao.java",
    line: 3,
    code: `class Dao {\n  ResultSet find(Statement stmt, String id) throws Exception {\n    return stmt.executeQuery("SELECT * FROM users WHERE id = " + id);\n  }\n}`,
  },
  {
    name: "n+1: await findUnique inside for-of",
    ruleId: "n-plus-one",
    path: "src/teams.ts",
    line: 3,
    code: `export async function load(ids: string[]) {\n  for (const id of ids) {\n    await prisma.user.findUnique({ where: { id } });\n  }\n}`,
  },
  {
    name: "n+1: Django objects.get inside for",
    ruleId: "n-plus-one",
    path: "app/views.py",
    line: 3,
    code: `def names(ids):\n    for i in ids:\n        yield Author.objects.get(pk=i).name\n`,
  },
  {
    name: "unbounded: findMany without take in a route",
    ruleId: "unbounded-query",
    path: "src/routes.ts",
    line: 2,
    code: `router.get("/users", async (req, res) => {\n  res.json(await prisma.user.findMany({ where: { active: true } }));\n});`,
  },
  {
    name: "unbounded: Spring findAll() in a controller",
    ruleId: "unbounded-query",
    path: "src/main/java/UserController.java",
    line: 4,
    code: `class UserController {\n  @GetMapping("/users")\n  public List<User> list() {\n    return userRepository.findAll();\n  }\n}`,
  },
  {
    name: "timeout: fetch without signal",
    ruleId: "http-client-without-timeout",
    path: "src/rates.ts",
    line: 2,
    code: `export async function rates() {\n  return (await fetch("https://rates.example.com")).json();\n}`,
  },
  {
    name: "timeout: requests.get without timeout",
    ruleId: "http-client-without-timeout",
    path: "app/client.py",
    line: 4,
    code: `import requests\n\ndef get(url):\n    return requests.get(url).json()\n`,
  },
  {
    name: "tls: rejectUnauthorized false",
    ruleId: "tls-verification-disabled",
    path: "src/agent.ts",
    line: 1,
    code: `export const agent = new https.Agent({ rejectUnauthorized: false });`,
  },
  {
    name: "tls: Go InsecureSkipVerify",
    ruleId: "tls-verification-disabled",
    path: "client/tls.go",
    line: 3,
    code: `package client\n\nvar cfg = &tls.Config{InsecureSkipVerify: true}\n`,
  },
  {
    name: "jwt: decode in middleware",
    ruleId: "jwt-without-verification",
    path: "src/auth.ts",
    line: 2,
    code: `export function auth(req, res, next) {\n  req.user = jwt.decode(req.headers.authorization);\n  next();\n}`,
  },
  {
    name: "jwt: PyJWT without signature check",
    ruleId: "jwt-without-verification",
    path: "app/auth.py",
    line: 2,
    code: `def claims(token):\n    return jwt.decode(token, options={"verify_signature": False})\n`,
  },
  {
    name: "cors: origin true with credentials",
    ruleId: "cors-any-origin-with-credentials",
    path: "src/app.ts",
    line: 1,
    code: `app.use(cors({ origin: true, credentials: true }));`,
  },
  {
    name: "cors: FastAPI wildcard with credentials",
    ruleId: "cors-any-origin-with-credentials",
    path: "app/main.py",
    line: 1,
    code: `app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n`,
  },
  {
    name: "shell: exec with template literal",
    ruleId: "eval-or-shell-injection",
    path: "src/thumbs.ts",
    line: 2,
    code: `export function thumb(req: Request) {\n  child_process.exec(\`convert \${req.query.file} out.png\`);\n}`,
  },
  {
    name: "shell: os.system with f-string",
    ruleId: "eval-or-shell-injection",
    path: "app/backup.py",
    line: 4,
    code: `import os\n\ndef backup(request):\n    os.system(f"pg_dump {request.GET['name']}")\n`,
  },
  {
    name: "sync: readFileSync in an express handler",
    ruleId: "sync-io-in-handler",
    path: "src/docs.ts",
    line: 2,
    code: `app.get("/docs", (req, res) => {\n  res.send(fs.readFileSync("docs.md", "utf8"));\n});`,
  },
  {
    name: "logs: password logged",
    ruleId: "sensitive-data-in-logs",
    path: "src/login.ts",
    line: 2,
    code: `export function login(email: string, password: string) {\n  logger.info({ email, password }, "login");\n}`,
  },
  {
    name: "logs: Go log.Printf of a token",
    ruleId: "sensitive-data-in-logs",
    path: "auth/login.go",
    line: 4,
    code: `package auth\n\nfunc issue(token string) {\n\tlog.Printf("issued %s", token)\n}\n`,
  },
  {
    name: "random: Math.random for a reset token",
    ruleId: "weak-randomness-for-secrets",
    path: "src/reset.ts",
    line: 1,
    code: `const resetToken = Math.random().toString(36).slice(2);`,
  },
  {
    name: "random: Python random.choice for an invite code",
    ruleId: "weak-randomness-for-secrets",
    path: "app/invites.py",
    line: 4,
    code: `import random\n\ndef invite():\n    invite_code = "".join(random.choice("ABC123") for _ in range(8))\n    return invite_code\n`,
  },
  {
    name: "migration: CREATE INDEX without CONCURRENTLY",
    ruleId: "unsafe-migration",
    path: "db/migrations/001_index.sql",
    line: 2,
    code: `-- index for lookups\nCREATE INDEX users_email_idx ON users (email);\n`,
  },
  {
    name: "migration: knex dropColumn",
    ruleId: "unsafe-migration",
    path: "migrations/20240101_drop.js",
    line: 2,
    code: `exports.up = (knex) => knex.schema.alterTable("users", (t) => {\n  t.dropColumn("legacy");\n});`,
  },
];

const negatives: Sample[] = [
  {
    name: "sql: parameterised query",
    ruleId: "sql-string-building",
    path: "src/users.ts",
    code: `export function find(pool, name) {\n  return pool.query("SELECT * FROM users WHERE name = $1", [name]);\n}`,
  },
  {
    name: "sql: tagged template binds values",
    ruleId: "sql-string-building",
    path: "src/users.ts",
    code: `export const q = (id: string) => sql\`SELECT * FROM users WHERE id = $\{id}\`;`,
  },
  {
    name: "n+1: query before the loop",
    ruleId: "n-plus-one",
    path: "src/teams.ts",
    code: `export async function load(ids: string[]) {\n  const users = await prisma.user.findMany({ where: { id: { in: ids } } });\n  for (const u of users) console.info(u.id);\n}`,
  },
  {
    name: "unbounded: LIMIT present",
    ruleId: "unbounded-query",
    path: "src/routes.ts",
    code: `router.get("/users", async (req, res) => {\n  res.json(await pool.query("SELECT * FROM users ORDER BY id LIMIT 50"));\n});`,
  },
  {
    name: "timeout: fetch with AbortSignal.timeout",
    ruleId: "http-client-without-timeout",
    path: "src/rates.ts",
    code: `export async function rates() {\n  return fetch("https://rates.example.com", { signal: AbortSignal.timeout(3000) });\n}`,
  },
  {
    name: "timeout: Go client with Timeout",
    ruleId: "http-client-without-timeout",
    path: "client/http.go",
    code: `package client\n\nvar c = &http.Client{Timeout: 5 * time.Second}\n`,
  },
  {
    name: "tls: custom CA, verification on",
    ruleId: "tls-verification-disabled",
    path: "src/agent.ts",
    code: `export const agent = new https.Agent({ ca, rejectUnauthorized: true });`,
  },
  {
    name: "jwt: verify with algorithms",
    ruleId: "jwt-without-verification",
    path: "src/auth.ts",
    code: `export function auth(req, res, next) {\n  req.user = jwt.verify(req.token, key, { algorithms: ["RS256"] });\n  next();\n}`,
  },
  {
    name: "cors: allow-list with credentials",
    ruleId: "cors-any-origin-with-credentials",
    path: "src/app.ts",
    code: `app.use(cors({ origin: ["https://app.example.com"], credentials: true }));`,
  },
  {
    name: "shell: execFile with an argument list",
    ruleId: "eval-or-shell-injection",
    path: "src/thumbs.ts",
    code: `export function thumb(file: string) {\n  child_process.execFile("convert", [file, "out.png"]);\n}`,
  },
  {
    name: "sync: readFileSync at start-up",
    ruleId: "sync-io-in-handler",
    path: "src/docs.ts",
    code: `const template = fs.readFileSync("template.html", "utf8");\napp.get("/", (req, res) => res.send(template));`,
  },
  {
    name: "logs: only the user id",
    ruleId: "sensitive-data-in-logs",
    path: "src/login.ts",
    code: `export function login(userId: string, token: { expiresAt: Date }) {\n  logger.info({ userId, expiresAt: token.expiresAt }, "login");\n}`,
  },
  {
    name: "random: crypto.randomBytes for a token",
    ruleId: "weak-randomness-for-secrets",
    path: "src/reset.ts",
    code: `const resetToken = crypto.randomBytes(32).toString("hex");\nconst jitter = Math.random() * 100;`,
  },
  {
    name: "migration: CREATE INDEX CONCURRENTLY",
    ruleId: "unsafe-migration",
    path: "db/migrations/001_index.sql",
    code: `CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n`,
  },
];

function run(sample: Sample) {
  return runDetectors([buildAddedFile(sample.path, sample.code)]).filter((f) => f.ruleId === sample.ruleId);
}

describe("severity from what the code shows", () => {
  it("reports a command built from a parameter of unknown origin as high, from request input as critical", () => {
    const fromParameter = runDetectors([
      buildAddedFile("app/backup.py", `import os\n\ndef backup(name):\n    os.system(f"pg_dump {name}")\n`),
    ]);
    expect(fromParameter).toMatchObject([{ ruleId: "eval-or-shell-injection", line: 4, severity: "high" }]);
    const fromRequest = runDetectors([
      buildAddedFile(
        "app/backup.py",
        `import os\n\ndef backup(request):\n    name = request.GET["name"]\n    os.system("pg_dump " + name)\n`,
      ),
    ]);
    expect(fromRequest).toMatchObject([
      { ruleId: "eval-or-shell-injection", line: 4, endLine: 5, severity: "critical" },
    ]);
  });

  it("reports CORS for any origin without credentials as medium, with credentials in the same call as high", () => {
    const [publicRoute] = runDetectors([
      buildAddedFile("src/app.ts", `app.use("/public", cors({ origin: "*" }));\n`),
    ]);
    expect(publicRoute).toMatchObject({ ruleId: "cors-any-origin-with-credentials", severity: "medium" });
    const [withCookies] = runDetectors([
      buildAddedFile("src/app.ts", `app.use(cors({ origin: true, credentials: true }));\n`),
    ]);
    expect(withCookies).toMatchObject({ ruleId: "cors-any-origin-with-credentials", severity: "high" });
  });

  it("follows a weak random value into a cookie a line later", () => {
    const findings = runDetectors([
      buildAddedFile(
        "src/login.js",
        `function remember(res) {\n  const r = Math.random().toString(36).slice(2);\n  res.cookie("remember", r);\n}\n`,
      ),
    ]);
    expect(findings).toMatchObject([{ ruleId: "weak-randomness-for-secrets", line: 2, severity: "high" }]);
  });

  it("does not flag a verifying decode; flags 'none' among the accepted algorithms", () => {
    expect(
      runDetectors([
        buildAddedFile(
          "app/auth.py",
          `import jwt\n\ndef read(token, key):\n    return jwt.decode(token, key, algorithms=["RS256"])\n`,
        ),
      ]),
    ).toEqual([]);
    const findings = runDetectors([
      buildAddedFile(
        "src/auth.js",
        `const jwt = require("jsonwebtoken");\nfunction read(token, key) {\n  return jwt.verify(token, key, {\n    algorithms: ["RS256", "none"],\n  });\n}\n`,
      ),
    ]);
    expect(findings).toMatchObject([{ ruleId: "jwt-without-verification", line: 3, severity: "critical" }]);
  });
});

describe("runDetectors on defective code", () => {
  it.each(positives)("$name", (sample) => {
    const detector = detectorRegistry.find((d) => d.id === sample.ruleId)!;
    const findings = run(sample);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: sample.ruleId,
      line: sample.line,
      severity: detector.severity,
      category: detector.category,
      source: "rule",
      title: detector.title,
    });
    expect(findings[0]?.evidence).toBe(sample.code.split("\n")[(sample.line ?? 0) - 1]);
  });
});

describe("runDetectors on near misses", () => {
  it.each(negatives)("$name", (sample) => {
    expect(run(sample)).toEqual([]);
  });
});

describe("the detector registry", () => {
  it("has unique kebab-case ids, a body and a confidence between 0.5 and 1", () => {
    const ids = detectorRegistry.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const detector of detectorRegistry) {
      expect(detector.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(detector.body.length).toBeGreaterThan(100);
      expect(detector.confidence).toBeGreaterThanOrEqual(0.5);
      expect(detector.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("has positive and negative samples here for every detector", () => {
    for (const detector of detectorRegistry) {
      expect(positives.some((s) => s.ruleId === detector.id)).toBe(true);
      expect(negatives.some((s) => s.ruleId === detector.id)).toBe(true);
    }
  });
});
