// Two exports on purpose: the paths pino redacts structurally and the masking of free text are the two
// halves of one policy ("no credential reaches a log line or a check run") and must change together.

const sensitiveHeaders = [
  "authorization",
  "Authorization",
  "proxy-authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "x-hub-signature",
  "x-hub-signature-256",
  "X-Hub-Signature",
  "X-Hub-Signature-256",
  "x-api-key",
  "x-github-token",
];

// Where HTTP headers turn up in what the app, Probot, Octokit and the Anthropic SDK log.
const headerHolders = [
  "headers",
  "req.headers",
  "res.headers",
  "request.headers",
  "response.headers",
  "err.headers",
  "err.config.headers",
  "err.request.headers",
  "err.response.headers",
  "err.cause.request.headers",
  "err.cause.response.headers",
  "error.headers",
  "error.request.headers",
  "error.response.headers",
  "options.headers",
  "*.headers",
];

const sensitiveKeys = [
  "privateKey",
  "PRIVATE_KEY",
  "private_key",
  "token",
  "accessToken",
  "installationToken",
  "githubToken",
  "GITHUB_TOKEN",
  "apiKey",
  "ANTHROPIC_API_KEY",
  "webhookSecret",
  "WEBHOOK_SECRET",
  "secret",
  "clientSecret",
  "GITHUB_CLIENT_SECRET",
  "password",
  "REDIS_URL",
];

/**
 * Paths for pino's `redact` option (`pino({ redact: { paths: logRedactPaths } })`): credentials in
 * headers wherever a request, response or error carries them, and credential-named keys at the top
 * level or one level down (`config.apiKey`, `env.PRIVATE_KEY`). Free text (error messages, stack
 * traces) is not covered by paths: pass it through `redactSecretsInMessage`.
 */
export const logRedactPaths: string[] = [
  ...headerHolders.flatMap((holder) =>
    sensitiveHeaders.map((header) => `${holder}[${JSON.stringify(header)}]`),
  ),
  ...sensitiveKeys.flatMap((key) => [key, `*.${key}`]),
];

const messagePatterns: [RegExp, string][] = [
  // PEM private keys, also with escaped newlines (JSON) or cut off before their END line.
  [
    /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    "[REDACTED PRIVATE KEY]",
  ],
  // GitHub tokens: installation (ghs_), personal (ghp_), OAuth (gho_), user-to-server (ghu_), refresh
  // (ghr_), fine-grained PATs (github_pat_), and the legacy `v1.` installation tokens.
  [/\b(gh[psour]_)[A-Za-z0-9]{16,255}\b/g, "$1[REDACTED]"],
  [/\b(github_pat_)[A-Za-z0-9_]{20,255}\b/g, "$1[REDACTED]"],
  [/\bv1\.[0-9a-f]{40}\b/g, "v1.[REDACTED]"],
  // Anthropic API keys.
  [/\b(sk-ant-)[A-Za-z0-9_-]{8,}/g, "$1[REDACTED]"],
  // JWTs (Probot signs its app JWT with the private key; a leaked one is valid for ten minutes).
  [/\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, "[REDACTED JWT]"],
  // Authorization header values, whatever the token looks like. "Basic" is also an English word: only
  // a base64-looking value with a digit or padding is masked after it.
  [/\b(Bearer)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1$2[REDACTED]"],
  [/\b(Basic)(\s+)(?=[A-Za-z0-9+/]*[0-9=])[A-Za-z0-9+/]{12,}={0,2}/g, "$1$2[REDACTED]"],
  // Credentials in URLs (https://x-access-token:...@github.com, redis://:password@host).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]+@/gi, "$1[REDACTED]@"],
];

/**
 * Masks credentials in free text (an error message, a stack trace, a response body quoted in an error)
 * before it is logged or shown in a check run: GitHub tokens (`ghs_`, `ghp_`, `gho_`, `ghu_`, `ghr_`,
 * `github_pat_`), Anthropic keys (`sk-ant-…`), bearer/basic authorization values, JWTs, PEM
 * private key blocks and passwords in URLs. Token prefixes stay, so a log still says which kind leaked.
 *
 * @example redactSecretsInMessage("401 for Bearer ghs_abc…") === "401 for Bearer [REDACTED]"
 */
export function redactSecretsInMessage(text: string): string {
  let out = text;
  for (const [pattern, replacement] of messagePatterns) out = out.replace(pattern, replacement);
  return out;
}
