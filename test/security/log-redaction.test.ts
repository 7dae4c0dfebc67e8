import { Writable } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import { logRedactPaths, redactSecretsInMessage } from "../../src/security/log-redaction.js";

const join = (...parts: string[]) => parts.join("");
const installationToken = join("ghs_", "16C7e42F292c6912E7710c838347Ae178B4a");
const personalToken = join("ghp_", "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5");
const oauthToken = join("gho_", "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5");
const fineGrainedToken = join("github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCD");
const anthropicKey = join("sk-ant-", "api03-", "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5-_xyz");
const jwt = join(
  "eyJhbGciOiJSUzI1NiJ9",
  ".",
  "eyJpc3MiOjEyMywiaWF0IjoxfQ",
  ".",
  "c2lnbmF0dXJlLXNpZ25hdHVyZQ",
);
const pemBody = "MIIEowIBAAKCAQEAx".repeat(4);
const pem = join("-----BEGIN RSA ", "PRIVATE KEY-----\n", pemBody, "\n-----END RSA ", "PRIVATE KEY-----");

function captureLogs(): { logger: pino.Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { logger: pino({ redact: { paths: logRedactPaths } }, stream), lines: () => chunks.join("") };
}

describe("logRedactPaths", () => {
  it("is accepted by pino", () => {
    expect(() => pino({ redact: logRedactPaths })).not.toThrow();
  });

  const cases = [
    {
      name: "request authorization header",
      object: { req: { headers: { authorization: `token ${installationToken}` } } },
    },
    {
      name: "webhook signature header",
      object: { req: { headers: { "x-hub-signature-256": "sha256=abc123def456" } } },
    },
    {
      name: "legacy webhook signature header",
      object: { headers: { "x-hub-signature": "sha1=abc123def456" } },
    },
    { name: "cookie", object: { request: { headers: { cookie: "session=abc123def456" } } } },
    {
      name: "Octokit error request headers",
      object: { err: { request: { headers: { authorization: `token ${installationToken}` } } } },
    },
    {
      name: "axios-style error config headers",
      object: { err: { config: { headers: { Authorization: `Bearer ${anthropicKey}` } } } },
    },
    { name: "response headers", object: { response: { headers: { "set-cookie": "s=abc123def456" } } } },
    {
      name: "any object's headers one level down",
      object: { upstream: { headers: { "x-api-key": anthropicKey } } },
    },
    { name: "private key at the top level", object: { privateKey: pem } },
    { name: "PRIVATE_KEY in an env dump", object: { env: { PRIVATE_KEY: pem } } },
    { name: "token", object: { token: installationToken } },
    { name: "api key in a config", object: { config: { apiKey: anthropicKey } } },
    { name: "ANTHROPIC_API_KEY", object: { ANTHROPIC_API_KEY: anthropicKey } },
    { name: "webhook secret", object: { options: { webhookSecret: "abc123def456" } } },
  ];

  it.each(cases)("redacts $name", ({ object }) => {
    const { logger, lines } = captureLogs();
    logger.info({ ...object, keep: "visible" }, "event");
    const output = lines();
    expect(output).toContain("[Redacted]");
    expect(output).toContain('"keep":"visible"');
    for (const secret of [installationToken, anthropicKey, "abc123def456", pemBody]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe("redactSecretsInMessage", () => {
  const cases = [
    {
      name: "installation token",
      input: `git push https://x@y failed for ${installationToken}`,
      expected: "git push https://x@y failed for ghs_[REDACTED]",
    },
    { name: "personal token", input: `token ${personalToken}`, expected: "token ghp_[REDACTED]" },
    { name: "OAuth token", input: `(${oauthToken})`, expected: "(gho_[REDACTED])" },
    { name: "fine-grained PAT", input: `pat=${fineGrainedToken}.`, expected: "pat=github_pat_[REDACTED]." },
    {
      name: "Anthropic key",
      input: `invalid x-api-key ${anthropicKey}`,
      expected: "invalid x-api-key sk-ant-[REDACTED]",
    },
    {
      name: "bearer token",
      input: "Authorization: Bearer abcdefghijklmnop.qrs",
      expected: "Authorization: Bearer [REDACTED]",
    },
    {
      name: "basic credentials",
      input: "Authorization: Basic dXNlcjpwYXNzd29yZA==",
      expected: "Authorization: Basic [REDACTED]",
    },
    { name: "JWT", input: `jwt ${jwt} expired`, expected: "jwt [REDACTED JWT] expired" },
    {
      name: "PEM block",
      input: `bad key: ${pem} (check PRIVATE_KEY)`,
      expected: "bad key: [REDACTED PRIVATE KEY] (check PRIVATE_KEY)",
    },
    {
      name: "PEM block with escaped newlines",
      input: JSON.stringify({ key: pem }),
      expected: '{"key":"[REDACTED PRIVATE KEY]"}',
    },
    { name: "PEM block cut off", input: `key=${pem.slice(0, 60)}`, expected: "key=[REDACTED PRIVATE KEY]" },
    {
      name: "password in a URL",
      input: "connect redis://:s3cretpw@cache:6379 failed",
      expected: "connect redis://[REDACTED]@cache:6379 failed",
    },
    {
      name: "token in a git URL",
      input: `https://x-access-token:${installationToken}@github.com/o/r.git`,
      expected: "https://[REDACTED]@github.com/o/r.git",
    },
  ];

  it.each(cases)("masks $name", ({ input, expected }) => {
    expect(redactSecretsInMessage(input)).toBe(expected);
  });

  const untouched = [
    { name: "ordinary error", input: "Failed to list files of acme/shop#12: 404 Not Found" },
    {
      name: "English use of basic and bearer",
      input: "Basic authentication failed; the bearer token expired",
    },
    { name: "a SHA", input: "head 9f2c1e3b4a5d6e7f8091a2b3c4d5e6f708192a3b moved" },
    { name: "an e-mail", input: "contact security@example.com" },
  ];

  it.each(untouched)("leaves $name alone", ({ input }) => {
    expect(redactSecretsInMessage(input)).toBe(input);
  });
});
