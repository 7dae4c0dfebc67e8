import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { buildLineIndex, type FileLineIndex } from "../../src/diff/line-index.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { redactSecrets } from "../../src/security/redact-secrets.js";

// Secret-shaped values are assembled at run time so that no secret-shaped literal sits in the repository
// (and no scanner flags it). None of them is a real credential.
const join = (...parts: string[]) => parts.join("");
const awsAccessKeyId = join("AKIA", "Z7QW3RT5", "YU8IO2PL");
const awsSecretAccessKey = join("wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYzz8Kq2LmAb");
const githubToken = join("ghp_", "aB3dE5gH7jK9mN1pQ3sT", "5vX7zA9cE1gI3kM5");
const slackToken = join("xoxb-", "123456789012-", "1234567890123-", "AbCdEfGhIjKlMnOpQrStUvWx");
const stripeKey = join("sk_", "live_", "51Nz4aB3dE5gH7jK", "9mN1pQ3sT5vX7zA9");
const password = join("h7Q2", "mZ9p", "K4xW", "1vB8", "rT3e");
const pem = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey.trim();

function toFile(path: string, patch: string): FileLineIndex {
  return buildLineIndex(path, parsePatch(patch));
}

/** A hunk that adds `lines` after one context line, at new-file line 2 onwards. */
function addedLinesPatch(lines: string[]): string {
  return [`@@ -1,1 +1,${lines.length + 1} @@`, " // config", ...lines.map((l) => `+${l}`)].join("\n");
}

function expectNoSubstringOfValue(text: string, value: string): void {
  for (let i = 0; i + 5 <= value.length; i++) expect(text).not.toContain(value.slice(i, i + 5));
}

describe("redactSecrets", () => {
  const positives = [
    {
      name: "AWS access key id",
      line: `const accessKeyId = "${awsAccessKeyId}";`,
      value: awsAccessKeyId,
      redacted: 'const accessKeyId = "[REDACTED_SECRET]";',
      ruleId: "secret/aws-access-key-id",
      kind: "AWS access key ID",
    },
    {
      name: "AWS secret access key",
      line: `aws_secret_access_key = "${awsSecretAccessKey}"`,
      value: awsSecretAccessKey,
      redacted: 'aws_secret_access_key = "[REDACTED_SECRET]"',
      ruleId: "secret/aws-secret-access-key",
      kind: "AWS secret access key",
    },
    {
      name: "GitHub token",
      line: `octokit = new Octokit({ auth: "${githubToken}" }) // secretlint-disable-line`,
      value: githubToken,
      redacted: 'octokit = new Octokit({ auth: "[REDACTED_SECRET]" }) // secretlint-disable-line',
      ruleId: "secret/github-token",
      kind: "GitHub token",
    },
    {
      name: "Slack token",
      line: `SLACK_BOT=${slackToken}`,
      value: slackToken,
      redacted: "SLACK_BOT=[REDACTED_SECRET]",
      ruleId: "secret/slack-token",
      kind: "Slack token",
    },
    {
      name: "Stripe live key",
      line: `stripe = Stripe("${stripeKey}")`,
      value: stripeKey,
      redacted: 'stripe = Stripe("[REDACTED_SECRET]")',
      ruleId: "secret/stripe-live-key",
      kind: "Stripe live API key",
    },
    {
      name: "high-entropy password assignment",
      line: `  db_password: "${password}",`,
      value: password,
      redacted: '  db_password: "[REDACTED_SECRET]",',
      ruleId: "secret/high-entropy-password",
      kind: "high-entropy password",
    },
    {
      name: "high-entropy token in a .env line",
      line: `SESSION_TOKEN=${password}`,
      value: password,
      redacted: "SESSION_TOKEN=[REDACTED_SECRET]",
      ruleId: "secret/high-entropy-token",
      kind: "high-entropy token",
    },
  ];

  it.each(positives)("finds and redacts: $name", async ({ line, value, redacted, ruleId, kind }) => {
    const file = toFile("src/config.ts", addedLinesPatch(["const a = 1;", line]));
    const before = structuredClone(file);

    const result = await redactSecrets([file]);

    expect(file).toEqual(before);
    expect(result.files[0]?.hunks[0]?.lines[2]?.text).toBe(redacted);
    expect(result.files[0]?.hunks[0]?.lines[1]?.text).toBe("const a = 1;");
    expect(result.findings).toHaveLength(1);
    const finding = result.findings[0];
    expect(finding).toMatchObject({
      path: "src/config.ts",
      line: 3,
      severity: "critical",
      category: "security",
      title: "Hard-coded credential",
      source: "rule",
      ruleId,
      evidence: redacted,
    });
    expect(finding?.endLine).toBeUndefined();
    expect(finding?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(finding?.body).toContain(kind);
    expect(finding?.body).toMatch(/rotate/);
    expect(finding?.body).toMatch(/environment or a secret manager/);
    expectNoSubstringOfValue(JSON.stringify(finding), value);
    expectNoSubstringOfValue(JSON.stringify(result.files), value);
  });

  it("redacts a PEM private key over all its lines and reports it once", async () => {
    const pemLines = pem.split("\n");
    const file = toFile("deploy/key.ts", addedLinesPatch(["const key = `", ...pemLines, "`;"]));

    const result = await redactSecrets([file]);

    const texts = result.files[0]?.hunks[0]?.lines.map((l) => l.text);
    expect(texts).toEqual(["// config", "const key = `", ...pemLines.map(() => "[REDACTED_SECRET]"), "`;"]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      line: 3,
      endLine: 2 + pemLines.length,
      ruleId: "secret/private-key",
      evidence: "[REDACTED_SECRET]",
    });
    expect(result.findings[0]?.body).toContain("private key (PEM)");
    const body = pemLines.slice(1, -1).join("");
    expectNoSubstringOfValue(JSON.stringify(result.findings), body);
  });

  const negatives = [
    { name: "environment lookup", line: "const apiKey = process.env.STRIPE_API_KEY;" },
    { name: "changeme placeholder", line: 'password = "changeme-changeme-123"' },
    { name: "x placeholder", line: 'api_key: "xxxxxxxxxxxxxxxxxxxxxxxx"' },
    { name: "template variable", line: `token: "$${"{"}GITHUB_TOKEN_FOR_RELEASES}"` },
    { name: "UUID in a non-secret name", line: 'const requestId = "123e4567-e89b-12d3-a456-426614174000";' },
    {
      name: "sha256 hash in a lockfile-like line",
      line: '  "integrity": "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",',
    },
    {
      name: "hex digest in a non-secret name",
      line: 'digest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
    },
    { name: "fixture named example", line: `const exampleApiKey = "${password}";` },
    { name: "AWS documentation example key", line: `id = "${join("AKIAIOSFODNN7", "EXAMPLE")}"` },
    { name: "i18n key", line: 'const authError = "auth.errors.invalid_token_signature";' },
    { name: "env var name as value", line: 'const tokenEnv = "SERVICE_ACCOUNT_TOKEN_V2";' },
    { name: "sentence", line: 'const passwordHint = "Use 12 characters or more";' },
    // gitleaks' generic-rule false positives: names whose key/secret word is qualified into a non-secret.
    { name: "public key name", line: 'public_key = "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit"' },
    { name: "primary key name", line: "primaryKey=Zk3-q9_Lm2.xP7vR4tW8yB1nC5dF0gH" },
    {
      name: "alphabet constant",
      line: 'const keyStr = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"',
    },
    // Regular expressions and generated-looking strings in tests are not credentials.
    { name: "token regex", line: 'const tokenPattern2 = "^[A-Za-z0-9_-]{32,64}$";' },
    { name: "secret regex with escapes", line: 'secret_re = "\\w{8}-\\d{4}-[a-f0-9]{12}"' },
    { name: "password label", line: 'const passwordLabel = "Password";' },
    {
      name: "local database URL with identical user and password",
      line: 'const url = "postgres://postgres:postgres@localhost:5432/app";',
    },
  ];

  it.each(negatives)("does not flag: $name", async ({ line }) => {
    const file = toFile("src/config.ts", addedLinesPatch([line]));
    const result = await redactSecrets([file]);
    expect(result.findings).toEqual([]);
    expect(result.files[0]).toBe(file);
  });

  it("reports a short password literal as a high (not critical) finding with less confidence", async () => {
    const result = await redactSecrets([toFile("src/config.py", addedLinesPatch(['password = "a1b2c3"']))]);
    expect(result.findings).toMatchObject([
      { line: 2, severity: "high", confidence: 0.6, ruleId: "secret/hardcoded-password" },
    ]);
    expect(result.files[0]?.hunks[0]?.lines[1]?.text).toBe('password = "[REDACTED_SECRET]"');
  });

  it.each([
    {
      name: "jsonwebtoken key literal",
      lines: ["const token = jwt.sign(payload, 'shhhhh', { expiresIn: '1h' })"],
      line: 1,
      kind: "secret/jwt-signing-key",
    },
    {
      name: "PyJWT key held in a variable a few lines up",
      lines: [
        'secret = "tiny-key"',
        "",
        "def token(p):",
        '    return jwt.encode(p, secret, algorithm="HS256")',
      ],
      line: 4,
      kind: "secret/jwt-signing-key",
    },
    {
      name: "Node HMAC key",
      lines: ["const sig = crypto.createHmac('sha256', 'k3y').update(body).digest('hex')"],
      line: 1,
      kind: "secret/hmac-key",
    },
    {
      name: "Go HMAC key as a byte slice",
      lines: ['mac := hmac.New(sha256.New, []byte("webhook-key"))'],
      line: 1,
      kind: "secret/hmac-key",
    },
    {
      name: "java-jwt HMAC256",
      lines: ['Algorithm algorithm = Algorithm.HMAC256("secret");'],
      line: 1,
      kind: "secret/jwt-signing-key",
    },
    {
      name: "express-session secret",
      lines: ["app.use(session({", "  secret: 'keyboard cat',", "  resave: false,", "}))"],
      line: 2,
      kind: "secret/signing-secret",
    },
    {
      name: "Flask SECRET_KEY setting",
      lines: ["app.config['SECRET_KEY'] = 'dev'"],
      line: 1,
      kind: "secret/signing-secret",
    },
  ])("finds a short signing key by its use: $name", async ({ lines, line, kind }) => {
    const result = await redactSecrets([toFile("src/auth.ts", addedLinesPatch(lines))]);
    // addedLinesPatch starts the added lines at new-file line 2.
    expect(result.findings).toMatchObject([{ line: line + 1, severity: "critical", ruleId: kind }]);
    expect(result.files[0]?.hunks[0]?.lines.map((l) => l.text).join("\n")).toContain("[REDACTED_SECRET]");
  });

  it("redacts but does not report a test user's password, a signing key in a test, a password in a comment", async () => {
    const lines = [
      "const user = { email: 'a@b.c', password: 'hunter22' };",
      "const t = jwt.sign(payload, 'test-key');",
    ];
    const result = await redactSecrets([
      toFile("src/tests/auth.service.test.ts", addedLinesPatch(lines)),
      toFile("app/settings.py", addedLinesPatch(['# default password: "hunter22" (changed on first login)'])),
    ]);
    expect(result.findings).toEqual([]);
    expect(result.files[1]?.hunks[0]?.lines[1]?.text).toBe(
      '# default password: "[REDACTED_SECRET]" (changed on first login)',
    );
    const text = result.files[0]?.hunks[0]?.lines.map((l) => l.text).join("\n") ?? "";
    expect(text).not.toContain("hunter22");
    expect(text).not.toContain("test-key");
  });

  it("does not flag a signing key read from the environment or a file", async () => {
    const lines = [
      "const secret = process.env.JWT_SECRET",
      "const token = jwt.sign(payload, secret)",
      "const key = fs.readFileSync('private.pem')",
      "jwt.verify(token, key, { algorithms: ['RS256'] })",
    ];
    const result = await redactSecrets([toFile("src/auth.ts", addedLinesPatch(lines))]);
    expect(result.findings).toEqual([]);
  });

  it("does not report a value produced by a call as a hard-coded credential", async () => {
    // miguelgrinberg/microblog app/models.py reported `self.token = secrets.token_hex(16)` as a critical token.
    const lines = [
      "        self.token = secrets.token_hex(16)",
      "        self.api_key = str(uuid.uuid4())",
      "    auth_token: generateToken(user1234)",
      "const sessionToken = crypto.randomBytes(32).toString('hex');",
      "SECRET_KEY = os.getenv('SECRET_KEY', 'dev')",
      "    refresh_token = tokens[index_of_user_2]",
    ];
    const result = await redactSecrets([toFile("app/models.py", addedLinesPatch(lines))]);
    expect(result.findings).toEqual([]);
    // The same names with an unquoted literal (a .env line) are still reported.
    const env = await redactSecrets([toFile(".env", addedLinesPatch([`API_TOKEN=${password}`]))]);
    expect(env.findings.map((f) => f.ruleId)).toEqual(["secret/high-entropy-token"]);
  });

  it("finds and redacts a PEM private key written on one line with \\n escapes", async () => {
    const oneLine = pem.trim().split("\n").join("\\n");
    const result = await redactSecrets([
      toFile("config/service-account.json", addedLinesPatch(["{", `  "private_key": "${oneLine}\\n",`, "}"])),
    ]);
    expect(result.findings).toMatchObject([{ line: 3, severity: "critical" }]);
    const text = result.files[0]?.hunks[0]?.lines[2]?.text ?? "";
    expect(text).toContain("[REDACTED_SECRET]");
    expectNoSubstringOfValue(text, pem.split("\n")[3] ?? "");
  });

  it("redacts a removed secret and its context copies without a finding", async () => {
    const patch = [
      "@@ -1,3 +1,3 @@",
      `-const token = "${githubToken}";`,
      "+const token = process.env.GITHUB_TOKEN;",
      ` // old value was ${githubToken}`,
    ].join("\n");
    const file = toFile("src/gh.ts", patch);

    const result = await redactSecrets([file]);

    expect(result.findings).toEqual([]);
    expect(result.files[0]?.hunks[0]?.lines.map((l) => l.text)).toEqual([
      'const token = "[REDACTED_SECRET]";',
      "const token = process.env.GITHUB_TOKEN;",
      "// old value was [REDACTED_SECRET]",
    ]);
  });

  it("redacts a secret in a removed file (deleted lines only) without a finding", async () => {
    const file = toFile("src/old.ts", `@@ -1,2 +0,0 @@\n-// legacy\n-const key = "${stripeKey}";`);
    const result = await redactSecrets([file]);
    expect(result.findings).toEqual([]);
    expect(result.files[0]?.hunks[0]?.lines.map((l) => l.text)).toEqual([
      "// legacy",
      'const key = "[REDACTED_SECRET]";',
    ]);
  });

  it("keeps the line index of a redacted file and leaves clean files as they are", async () => {
    const dirty = toFile("a.ts", addedLinesPatch([`const t = "${githubToken}";`]));
    const clean = toFile("b.ts", addedLinesPatch(["const t = 1;"]));
    const contextOnly = toFile("c.ts", "@@ -1,1 +1,1 @@\n x");

    const result = await redactSecrets([dirty, clean, contextOnly]);

    expect(result.files).toHaveLength(3);
    expect(result.files[1]).toBe(clean);
    expect(result.files[2]).toBe(contextOnly);
    expect(result.files[0]).not.toBe(dirty);
    expect(result.files[0]?.right).toEqual(dirty.right);
    expect(result.files[0]?.added).toEqual(dirty.added);
    expect(result.files[0]?.hunks[0]?.header).toBe(dirty.hunks[0]?.header);
    expect(result.findings.map((f) => f.path)).toEqual(["a.ts"]);
  });

  it("reports two secrets on separate lines of one file with their own lines", async () => {
    const file = toFile(
      "a.py",
      addedLinesPatch([`GH = "${githubToken}"`, "x = 1", `SLACK = "${slackToken}"`]),
    );
    const result = await redactSecrets([file]);
    expect(result.findings.map((f) => [f.line, f.ruleId])).toEqual([
      [2, "secret/github-token"],
      [4, "secret/slack-token"],
    ]);
  });
});
