/** A secret found in one line: `line.slice(start, end)` is the value. */
export interface HeuristicSecret {
  start: number;
  end: number;
  /** Slug for the rule id (`secret/<kind>`). */
  kind: string;
  /** What it is, for the finding's body. Never contains the value. */
  description: string;
}

const minValueLength = 16;
const maxValueLength = 512;
/** Bits per character. Random hex is ~3.7-4, random base64 ~5; English words and identifiers stay below. */
const minEntropy = 3.5;

// Words (after splitting camelCase, snake_case, kebab-case, dotted names) that make a name secret-bearing.
const secretNameWords = new Set([
  "key",
  "apikey",
  "secret",
  "secrets",
  "token",
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "auth",
  "credential",
  "credentials",
  "private",
  "privatekey",
]);
// Test fixtures and documentation name their fake values.
const fixtureNameWords = /example|sample|dummy|fake|mock|placeholder/i;
const placeholderValue =
  /changeme|change_me|change-me|placeholder|example|sample|dummy|fake|redacted|replace|your[_-]|insert|todo|xxxx|\*\*\*\*|\.\.\.\.|<[^>]*>|\$\{|\{\{|%\(|%s|process\.env|os\.environ|getenv|env\[|ENV\[/i;

// Known key formats the recommended secretlint preset does not cover.
const knownFormats: { pattern: RegExp; kind: string; description: string }[] = [
  {
    pattern: /\b[sr]k_live_[A-Za-z0-9]{20,247}\b/g,
    kind: "stripe-live-key",
    description: "Stripe live API key",
  },
];

// `name = "value"`, `name: 'value'`, `"name": "value"`, `name := "value"`, `name => "value"`, with the
// name's length bounded and anchored at a boundary so that a 1 MB line stays linear.
const quotedAssignment =
  /(?<![\w$.-])([A-Za-z_$][\w$.-]{0,63})["']?\s{0,8}(?::=|=>|=|:)\s{0,8}(["'`])([^"'`\n\\]{16,512})\2/g;
// `NAME=value` (.env, properties) and `name: value` (YAML) filling a whole line, unquoted.
const bareAssignment =
  /^\s{0,16}(?:export\s+)?([A-Za-z_][\w.-]{0,63})\s{0,8}[=:]\s{0,8}([^\s"'`#]{16,512})\s*$/;

/**
 * Finds secrets that secretlint's patterns miss: known formats it lacks (Stripe live keys) and
 * high-entropy string literals assigned to secret-bearing names (key, secret, token, password, passwd,
 * pwd, api_key, auth, credential, private). Placeholders (`changeme`, `xxxx`, `${VAR}`,
 * `process.env.X`), identifiers, URLs, values without both letters and digits, and fixtures whose name
 * says "example"/"sample"/"dummy"/"fake"/"mock" are not reported.
 *
 * @example findHeuristicSecrets('db_password = "h7Q2mZ9pK4xW1vB8"')[0].kind === "high-entropy-password"
 */
export function findHeuristicSecrets(line: string): HeuristicSecret[] {
  const found: HeuristicSecret[] = [];
  for (const { pattern, kind, description } of knownFormats) {
    for (const match of line.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, kind, description });
    }
  }
  for (const match of line.matchAll(quotedAssignment)) {
    const [whole, name = "", , value = ""] = match;
    const start = match.index + whole.length - 1 - value.length;
    addIfSecret(found, name, value, start);
  }
  const bare = bareAssignment.exec(line);
  if (bare) {
    const [whole, name = "", value = ""] = bare;
    addIfSecret(found, name, value, bare.index + whole.trimEnd().length - value.length);
  }
  return found;
}

function addIfSecret(found: HeuristicSecret[], name: string, value: string, start: number): void {
  const end = start + value.length;
  if (found.some((f) => f.start < end && start < f.end)) return;
  const word = getSecretNameWord(name);
  if (!word || fixtureNameWords.test(name) || !isHighEntropyValue(value)) return;
  const kind = ["password", "passwd", "pwd", "pass", "passphrase"].includes(word)
    ? "password"
    : word.includes("key")
      ? "key"
      : word.startsWith("credential")
        ? "credential"
        : word === "secrets"
          ? "secret"
          : word;
  found.push({
    start,
    end,
    kind: `high-entropy-${kind}`,
    description: `high-entropy ${kind} assigned to \`${name.slice(0, 64)}\``,
  });
}

function getSecretNameWord(name: string): string | undefined {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  // The last word names the thing: `tokenUrl` is a URL, `authToken` a token.
  const last = words.filter((w) => w !== "").at(-1);
  if (last && secretNameWords.has(last)) return last;
  // `api_key_id`, `secretKeyId`? An id is not secret; `awsSecretAccessKeyValue` still is.
  if (last === "id" || last === "ids" || last === "name" || last === "url" || last === "path")
    return undefined;
  return words.find((w) => secretNameWords.has(w));
}

function isHighEntropyValue(value: string): boolean {
  if (value.length < minValueLength || value.length > maxValueLength) return false;
  if (/\s/.test(value) || placeholderValue.test(value)) return false;
  if (value.includes("://") || /^[./~]/.test(value)) return false;
  // Environment variable names and dotted/dashed lower-case identifiers (`auth.errors.invalid_token`).
  if (/^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z]+(?:[._:/-][a-z0-9]+)*$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
