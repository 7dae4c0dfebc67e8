/** A secret found in one line: `line.slice(start, end)` is the value. */
export interface HeuristicSecret {
  start: number;
  end: number;
  /** Slug for the rule id (`secret/<kind>`). */
  kind: string;
  /** What it is, for the finding's body. Never contains the value. */
  description: string;
  /** A low-entropy literal found by its name alone (`password = "blerg"`): reported with less confidence. */
  weak?: boolean;
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
  "creds",
  "private",
  "privatekey",
]);
// Test fixtures and documentation name their fake values.
const fixtureNameWords = /example|sample|dummy|fake|mock|placeholder/i;
const placeholderValue =
  /changeme|change_me|change-me|placeholder|example|sample|dummy|fake|redacted|replace|your[_-]|insert|todo|xxxx|\*\*\*\*|\.\.\.\.|<[^>]*>|\$\{|\{\{|%\(|%s|process\.env|os\.environ|getenv|env\[|ENV\[/i;

// Known key formats the recommended secretlint 12 preset does not cover (shapes from the later secretlint rules
// and from gitleaks' rule set: Cloudflare, Databricks, Docker, Figma, GitLab, Grafana, Groq, HashiCorp Vault,
// Hugging Face, Linear, Notion, 1Password service accounts, Stripe live keys), and PEM private keys written on
// one line with `\n` escapes (a JSON service-account file, a string constant), which the preset only finds
// with real line breaks.
const knownFormats: { pattern: RegExp; kind: string; description: string }[] = [
  {
    pattern: /\b[sr]k_live_[A-Za-z0-9]{20,247}\b/g,
    kind: "stripe-live-key",
    description: "Stripe live API key",
  },
  {
    pattern:
      /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\r)?\\n[A-Za-z0-9+/=\\ :,_-]{64,20000}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-{3,5}/g,
    kind: "private-key",
    description: "private key (PEM, escaped line breaks)",
  },
  {
    pattern: /\bcf(?:at|ut|k)_[A-Za-z0-9]{40}[0-9a-f]{8}(?![\w-])/g,
    kind: "cloudflare-api-token",
    description: "Cloudflare API token",
  },
  {
    pattern: /\bdapi[a-f0-9A-F]{32}(?:-\d)?\b/g,
    kind: "databricks-token",
    description: "Databricks access token",
  },
  {
    pattern: /\bdckr_pat_[A-Za-z0-9_-]{27,}\b/g,
    kind: "docker-token",
    description: "Docker personal access token",
  },
  { pattern: /\bfigd_[A-Za-z0-9_-]{40,}\b/g, kind: "figma-token", description: "Figma access token" },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, kind: "gitlab-token", description: "GitLab access token" },
  { pattern: /\bgl(?:c|sa)_[A-Za-z0-9+/_=-]{32,}/g, kind: "grafana-token", description: "Grafana token" },
  { pattern: /\bgsk_[A-Za-z0-9]{52}(?![\w-])/g, kind: "groq-api-key", description: "Groq API key" },
  { pattern: /\bhv[sb]\.[A-Za-z0-9_-]{90,}/g, kind: "vault-token", description: "HashiCorp Vault token" },
  { pattern: /\bhf_[A-Za-z]{34}\b/g, kind: "huggingface-token", description: "Hugging Face access token" },
  {
    pattern: /\blin_(?:api|oauth)_[A-Za-z0-9]{40}\b/g,
    kind: "linear-api-key",
    description: "Linear API key",
  },
  {
    pattern: /\bntn_\d{11}[A-Za-z0-9]{35}(?![\w-])/g,
    kind: "notion-token",
    description: "Notion integration token",
  },
  {
    pattern: /\bops_eyJ[A-Za-z0-9+/=_-]{100,}/g,
    kind: "1password-token",
    description: "1Password service account token",
  },
];

// `name = "value"`, `name: 'value'`, `"name": "value"`, `name := "value"`, `name => "value"`, with the
// name's length bounded and anchored at a boundary so that a 1 MB line stays linear.
const quotedAssignment =
  /(?<![\w$.-])([A-Za-z_$][\w$.-]{0,63})["']?\]?\s{0,8}(?:===|!==|==|!=|:=|=>|=|:)\s{0,8}(["'`])([^"'`\n\\]{1,512})\2/g;
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
  // Most lines hold no known format at all: one pass of the joined patterns tells, before each runs alone.
  if (anyKnownFormat.test(line)) addKnownFormats(found, line);
  // Both heuristics need a separator (`=` or `:`); the quoted one needs a quote too.
  if (!assignmentHint.test(line)) return found;
  if (quoteHint.test(line)) {
    for (const match of line.matchAll(quotedAssignment)) {
      const [whole, name = "", , value = ""] = match;
      const start = match.index + whole.length - 1 - value.length;
      addIfSecret(found, name, value, start, true);
    }
  }
  const bare = bareAssignment.exec(line);
  // An unquoted value produced by code (`secrets.token_hex(16)`, `keys[index]`) is computed at run time: the
  // source holds no credential, whatever the result looks like.
  if (bare && !isComputedValue(bare[2] ?? "")) {
    const [whole, name = "", value = ""] = bare;
    addIfSecret(found, name, value, bare.index + whole.trimEnd().length - value.length, false);
  }
  return found;
}

const anyKnownFormat = new RegExp(knownFormats.map(({ pattern }) => `(?:${pattern.source})`).join("|"));
const assignmentHint = /[=:]/;
const quoteHint = /["'`]/;

function addKnownFormats(found: HeuristicSecret[], line: string): void {
  for (const { pattern, kind, description } of knownFormats) {
    for (const match of line.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, kind, description });
    }
  }
}

/** A call, an index or a member path ending in a call: an expression, never a literal. */
function isComputedValue(value: string): boolean {
  return /[()[\]]/.test(value);
}

function addIfSecret(
  found: HeuristicSecret[],
  name: string,
  value: string,
  start: number,
  quoted: boolean,
): void {
  const end = start + value.length;
  if (found.some((f) => f.start < end && start < f.end)) return;
  const word = getSecretNameWord(name);
  if (!word || fixtureNameWords.test(name)) return;
  if (!isHighEntropyValue(value)) {
    if (quoted && isPasswordName(name) && isPasswordLiteral(value, name)) {
      found.push({
        start,
        end,
        kind: "hardcoded-password",
        description: `password literal assigned to or compared with \`${name.slice(0, 64)}\``,
        weak: true,
      });
    }
    return;
  }
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

// Names whose secret word is qualified into something that is not a secret: `public_key`, `primaryKey`,
// `foreignKey`, `passwordHash`, `tokenPattern`, `keyChars` (gitleaks' generic-rule allowlist has the same idea).
const nonSecretQualifiers = new Set([
  "public",
  "pub",
  "primary",
  "foreign",
  "sort",
  "partition",
  "natural",
  "idx",
  "index",
  "schema",
  "sequence",
  "bucket",
  "cache",
  "issuer",
  "hash",
  "hashed",
  "digest",
  "md5",
  "sha",
  "sha1",
  "sha256",
  "sha512",
  "checksum",
  "fingerprint",
  "pattern",
  "regex",
  "regexp",
  "re",
  "format",
  "chars",
  "charset",
  "alphabet",
  "length",
  "size",
  "field",
  "label",
  "placeholder",
  "hint",
  "prompt",
  "type",
  "mode",
  "encrypted",
  "encoded",
  "masked",
  "next",
  "page",
  "continuation",
  "cursor",
]);

function getSecretNameWord(name: string): string | undefined {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  if (words.some((w) => nonSecretQualifiers.has(w))) return undefined;
  // The last word names the thing: `tokenUrl` is a URL, `authToken` a token.
  const last = words.filter((w) => w !== "").at(-1);
  if (last && secretNameWords.has(last)) return last;
  // `api_key_id`, `secretKeyId`? An id is not secret; `awsSecretAccessKeyValue` still is.
  if (last === "id" || last === "ids" || last === "name" || last === "url" || last === "path")
    return undefined;
  return words.find((w) => secretNameWords.has(w));
}

const passwordWords = /^(password|passwd|pwd|passphrase|passcode)$/;

function isPasswordName(name: string): boolean {
  return splitNameWords(name).some((w) => passwordWords.test(w));
}

/** A short literal that reads as a password value: one token, not a placeholder, not the field's own name. */
function isPasswordLiteral(value: string, name: string): boolean {
  if (value.length < 4 || value.length > 128 || /\s/.test(value) || placeholderValue.test(value))
    return false;
  if (
    /^(password|passwd|pwd|passphrase|secret|none|null|nil|true|false|undefined|required|string)$/i.test(
      value,
    )
  )
    return false;
  if (value.toLowerCase() === name.toLowerCase() || value.includes("://") || /^[./~#]/.test(value))
    return false;
  // i18n keys and dotted paths (`auth.password.label`), format strings, upper-case constant names.
  if (/^[a-z]+(?:[._:/-][a-z0-9]+){1,}$/.test(value) && /[.:/]/.test(value)) return false;
  if (/^[A-Z][A-Z0-9_]*$/.test(value) && value.includes("_")) return false;
  return !isGeneratedLookalike(value);
}

function splitNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

function isHighEntropyValue(value: string): boolean {
  if (value.length < minValueLength || value.length > maxValueLength) return false;
  if (/\s/.test(value) || placeholderValue.test(value)) return false;
  if (value.includes("://") || /^[./~]/.test(value)) return false;
  // Environment variable names and dotted/dashed lower-case identifiers (`auth.errors.invalid_token`).
  if (/^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z]+(?:[._:/-][a-z0-9]+)*$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false;
  if (isGeneratedLookalike(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}

/**
 * Values that look random but are not secrets: a regular expression (`^[A-Za-z0-9]{32}$`), an alphabet
 * (`ABCDEFGHIJ…0123456789`).
 */
function isGeneratedLookalike(value: string): boolean {
  if (/\[[^\]]*\]\s*[{*+?]|\\[dwsbDWS]|^\^|\$$|\(\?[:=!<]|\{\d+(,\d*)?\}/.test(value)) return true;
  if (/abcdefgh|ABCDEFGH|0123456789|qwerty/i.test(value)) return true;
  return false;
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
