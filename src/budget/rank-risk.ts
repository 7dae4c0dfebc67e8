import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Hunk } from "../diff/parse-patch.js";

export interface RiskTier {
  /** 0 = riskiest; 6 = everything else. */
  tier: number;
  /** Why, in words a check-run summary can show: `authentication and permissions (path: "auth")`. */
  reason: string;
}

interface RiskTierRule {
  tier: number;
  label: string;
  /** Lower-cased words of the path (split on `/ _ . -`, camelCase and digits). */
  pathWords: readonly string[];
  /** Tested against the whole path, for what words cannot say (extensions, file names). */
  pathPatterns: readonly RegExp[];
  /** Tested against the added lines (joined by newlines, `m` flag for `^`); cheap signals only. */
  content?: RegExp;
}

/**
 * The risk tiers, riskiest first. A file gets the lowest tier any of its signals points to, so
 * `src/auth/config.ts` is tier 0 and a repository with raw SQL is tier 1, not 3.
 */
const riskTierRules: readonly RiskTierRule[] = [
  {
    tier: 0,
    label: "authentication and permissions",
    pathWords: [
      "auth",
      "authn",
      "authz",
      "authentication",
      "authenticate",
      "authenticator",
      "authorization",
      "authorize",
      "authorizer",
      "login",
      "logout",
      "signin",
      "signup",
      "session",
      "sessions",
      "jwt",
      "oauth",
      "oidc",
      "saml",
      "sso",
      "mfa",
      "totp",
      "permission",
      "permissions",
      "rbac",
      "abac",
      "acl",
      "acls",
      "password",
      "passwords",
      "passwd",
      "credential",
      "credentials",
      "crypto",
      "cryptography",
      "encryption",
      "csrf",
      "security",
      "token",
      "tokens",
      "apikey",
      "secret",
      "secrets",
    ],
    pathPatterns: [],
    content:
      /\b(jwt\.|jsonwebtoken\b|bcrypt\b|argon2\b|scrypt\b|pbkdf2\b|crypto\.|createHmac\b|timingSafeEqual\b)|\b(isAuthenticated|requireAuth|authorize|checkPermission|hasPermission|hasRole|PreAuthorize|login_required|permission_required)\b/,
  },
  {
    tier: 1,
    label: "SQL and migrations",
    pathWords: [
      "migration",
      "migrations",
      "migrate",
      "schema",
      "flyway",
      "liquibase",
      "alembic",
      "changelog",
    ],
    pathPatterns: [/\.sql$/i, /\.prisma$/i],
    content:
      /\b(SELECT\s[^;\n]{0,200}?\bFROM|INSERT\s+INTO|UPDATE\s+[\w."`]+\s+SET|DELETE\s+FROM|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)|ALTER\s+TABLE|DROP\s+(TABLE|INDEX|COLUMN))\b|\$(queryRaw|executeRaw)(Unsafe)?\b|\b(knex\.raw|sequelize\.query|cursor\.execute)\(/,
  },
  {
    tier: 2,
    label: "request handlers and routes",
    pathWords: [
      "route",
      "routes",
      "router",
      "routers",
      "routing",
      "handler",
      "handlers",
      "controller",
      "controllers",
      "api",
      "apis",
      "endpoint",
      "endpoints",
      "views",
      "resolver",
      "resolvers",
      "graphql",
      "webhook",
      "webhooks",
      "grpc",
      "rpc",
    ],
    pathPatterns: [],
    content:
      /@(Get|Post|Put|Patch|Delete|Request)Mapping\b|@(Rest)?Controller\b|@(app|router|bp|api)\.(route|get|post|put|patch|delete)\(|\b(app|router|server|fastify)\.(get|post|put|patch|delete|route|use)\(|\bhttp\.HandleFunc\(|\bmux\.Handle(Func)?\(/,
  },
  {
    tier: 3,
    label: "data access",
    pathWords: [
      "model",
      "models",
      "repository",
      "repositories",
      "repo",
      "repos",
      "dao",
      "daos",
      "db",
      "database",
      "orm",
      "entity",
      "entities",
      "persistence",
      "store",
      "stores",
      "storage",
      "query",
      "queries",
      "mapper",
      "mappers",
      "prisma",
      "sequelize",
      "typeorm",
      "knex",
      "sqlalchemy",
      "gorm",
    ],
    pathPatterns: [],
    content: /@(Entity|Table|Repository)\b|\bgorm\.|\bsqlx\.|\bdb\.(Query|Exec)(Context)?\(/,
  },
  {
    tier: 4,
    label: "concurrency",
    pathWords: [
      "queue",
      "queues",
      "worker",
      "workers",
      "consumer",
      "consumers",
      "producer",
      "producers",
      "job",
      "jobs",
      "task",
      "tasks",
      "cron",
      "scheduler",
      "lock",
      "locks",
      "mutex",
      "semaphore",
      "transaction",
      "transactions",
      "concurrency",
      "pool",
      "pubsub",
      "kafka",
      "rabbitmq",
      "sqs",
      "celery",
      "sidekiq",
      "bullmq",
    ],
    pathPatterns: [],
    content:
      /\b(BEGIN\s+TRANSACTION|FOR\s+UPDATE)\b|@Transactional\b|\$transaction\(|\.transaction\(|\btransaction\.atomic\b|\bsync\.(Mutex|RWMutex|WaitGroup|Once)\b|\bgo\s+func\b|\bchan\s+\w|(^|[ \t(=,])<-[ \t]*[A-Za-z_]|\w[ \t]+<-[ \t]|\bsynchronized\b|\b(Mutex|Semaphore|ReentrantLock|ExecutorService|CompletableFuture)\b|\basyncio\.(Lock|gather|Semaphore)\b|\bthreading\./m,
  },
  {
    tier: 5,
    label: "configuration and infrastructure",
    pathWords: [
      "config",
      "configs",
      "configuration",
      "settings",
      "k8s",
      "kubernetes",
      "helm",
      "charts",
      "terraform",
      "infra",
      "infrastructure",
      "deploy",
      "deployment",
      "deployments",
      "ansible",
      "nginx",
      "dockerfile",
      "procfile",
    ],
    pathPatterns: [
      /(^|\/)Dockerfile[^/]*$|\.dockerfile$/i,
      /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i,
      /(^|\/)\.env(\.[^/]*)?$/i,
      /\.(tf|tfvars|hcl)$/i,
      /(^|\/)values[^/]*\.ya?ml$/i,
      /(^|\/)\.github\/workflows\//i,
    ],
  },
];

const otherTier: RiskTier = { tier: 6, reason: "other server code" };

/** Added text read per file for content signals: enough to catch them, bounded for huge files. */
const maxContentChars = 20_000;

const tierByPathWord = new Map<string, RiskTierRule>();
for (const rule of riskTierRules) {
  for (const word of rule.pathWords) if (!tierByPathWord.has(word)) tierByPathWord.set(word, rule);
}

/**
 * The risk tier of a changed file, from its path and (cheaply) the content of its added lines.
 * 0 authentication and permissions, 1 SQL and migrations, 2 request handlers and routes, 3 data access,
 * 4 concurrency, 5 configuration and infrastructure, 6 the rest.
 *
 * @example getRiskTier("src/middleware/authGuard.ts", []) // { tier: 0, reason: 'authentication and permissions (path: "auth")' }
 */
export function getRiskTier(path: string, hunks: readonly Hunk[]): RiskTier {
  let best: RiskTier = otherTier;

  for (const word of splitPathWords(path)) {
    const rule = tierByPathWord.get(word);
    if (rule && rule.tier < best.tier) best = { tier: rule.tier, reason: `${rule.label} (path: "${word}")` };
  }
  for (const rule of riskTierRules) {
    if (rule.tier >= best.tier) break;
    const pattern = rule.pathPatterns.find((p) => p.test(path));
    if (pattern) best = { tier: rule.tier, reason: `${rule.label} (path: ${pattern.source})` };
  }
  if (best.tier === 0) return best;

  // One regex run per tier over the joined added lines: far cheaper than one per line.
  const added = joinAddedLines(hunks);
  if (added === "") return best;
  for (const rule of riskTierRules) {
    if (rule.tier >= best.tier) break;
    const match = rule.content?.exec(added);
    if (match) return { tier: rule.tier, reason: `${rule.label} (added code: "${match[0].trim()}")` };
  }
  return best;
}

function joinAddedLines(hunks: readonly Hunk[]): string {
  let text = "";
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind !== "add") continue;
      text += `${line.text}\n`;
      if (text.length >= maxContentChars) return text.slice(0, maxContentChars);
    }
  }
  return text;
}

/** `src/middleware/AuthGuard_v2.ts` → `src middleware auth guard v 2 ts`. */
function splitPathWords(path: string): string[] {
  return path
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter((word) => word.length > 0);
}

/** Added plus deleted lines. */
export function getChangeSize(hunks: readonly Hunk[]): number {
  let size = 0;
  for (const hunk of hunks) for (const line of hunk.lines) if (line.kind !== "context") size++;
  return size;
}

/**
 * Orders files riskiest first: tier ascending, then larger change (added + deleted lines) first, then
 * path. Returns a new array; the tier of each file is computed once.
 */
export function orderByRisk<T extends { path: string; hunks: readonly Hunk[] }>(files: readonly T[]): T[] {
  return sortByRank(files.map(rankFile));
}

/**
 * `orderByRisk`, letting the event loop run every `sliceFiles` files while the files are ranked (reading
 * every added line of thousands of files is long enough to delay a server's webhook answers). Same order.
 */
export async function orderByRiskInSlices<T extends { path: string; hunks: readonly Hunk[] }>(
  files: readonly T[],
  sliceFiles = 200,
): Promise<T[]> {
  const ranked: Ranked<T>[] = [];
  for (const [i, file] of files.entries()) {
    ranked.push(rankFile(file));
    if ((i + 1) % sliceFiles === 0) await yieldToEventLoop();
  }
  return sortByRank(ranked);
}

interface Ranked<T> {
  file: T;
  tier: number;
  size: number;
}

function rankFile<T extends { path: string; hunks: readonly Hunk[] }>(file: T): Ranked<T> {
  return { file, tier: getRiskTier(file.path, file.hunks).tier, size: getChangeSize(file.hunks) };
}

function sortByRank<T extends { path: string }>(ranked: Ranked<T>[]): T[] {
  return ranked
    .sort((a, b) => a.tier - b.tier || b.size - a.size || comparePaths(a.file.path, b.file.path))
    .map(({ file }) => file);
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
