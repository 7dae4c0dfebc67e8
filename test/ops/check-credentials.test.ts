import { createPublicKey, createVerify, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { AppOctokit } from "../../src/github/github-client.js";
import { checkGitHubApp, loadPrivateKey } from "../../src/ops/check-credentials.js";

const { privateKey: pem, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
});
const keyBody = pem.split("\n").slice(1, -2).join("");
const emptyDir = mkdtempSync(join(tmpdir(), "architect-key-"));

describe("loadPrivateKey", () => {
  const keyFile = join(emptyDir, "key-file.pem.txt");
  beforeAll(() => writeFileSync(keyFile, pem));

  const valid = [
    { name: "the PEM as is", env: { PRIVATE_KEY: pem } },
    { name: "in double quotes (Probot's .env through docker --env-file)", env: { PRIVATE_KEY: `"${pem}"` } },
    { name: "in single quotes", env: { PRIVATE_KEY: `'${pem}'` } },
    { name: "with escaped newlines, quoted", env: { PRIVATE_KEY: `"${pem.replace(/\n/g, "\\n")}"` } },
    { name: "base64", env: { PRIVATE_KEY: Buffer.from(pem).toString("base64") } },
    { name: "on one line (spaces for newlines)", env: { PRIVATE_KEY: pem.replace(/\n/g, " ") } },
    { name: "from PRIVATE_KEY_PATH", env: { PRIVATE_KEY_PATH: keyFile } },
  ];
  it.each(valid)("accepts the key $name", ({ env }) => {
    const result = loadPrivateKey(env, emptyDir);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(createPublicKey(result.privateKey).export({ type: "spki", format: "pem" })).toBe(publicKey);
  });

  const ecKey = generateKeyPairSync("ec", {
    namedCurve: "P-256",
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  const invalid = [
    {
      name: "a damaged key",
      env: { PRIVATE_KEY: [...pem.split("\n").slice(0, 5), ...pem.split("\n").slice(-3)].join("\n") },
      problem: "does not parse",
    },
    {
      name: "an EC key",
      env: { PRIVATE_KEY: ecKey },
      problem: "is a ec key; GitHub Apps sign with RSA keys",
    },
    { name: "text that is no key", env: { PRIVATE_KEY: "not-a-key" }, problem: "could not be read" },
    {
      name: "a missing file",
      env: { PRIVATE_KEY_PATH: join(emptyDir, "nope.pem") },
      problem: "does not exists",
    },
    { name: "nothing", env: {}, problem: "No GitHub App private key is set" },
  ];
  it.each(invalid)("refuses $name with a clear problem that quotes no key", ({ env, problem }) => {
    const result = loadPrivateKey(env, emptyDir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toContain(problem);
    expect(result.problem).toContain("PRIVATE_KEY_PATH");
    expect(result.problem).not.toContain(keyBody.slice(0, 20));
  });
});

describe("checkGitHubApp", () => {
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  beforeAll(() => nock.disableNetConnect());

  const check = () =>
    checkGitHubApp({
      appId: "4242",
      privateKey: pem,
      baseUrl: "https://api.github.com",
      Octokit: AppOctokit,
    });

  it("signs a JWT with the key (iss = APP_ID, RS256) and asks GitHub for the app", async () => {
    let authorization = "";
    nock("https://api.github.com", {
      reqheaders: {
        authorization: (value: string) => {
          authorization = value;
          return true;
        },
      },
    })
      .get("/app")
      .reply(200, { id: 4242, slug: "backend-architect" });
    await expect(check()).resolves.toEqual({
      status: "ok",
      detail: "GitHub App backend-architect (id 4242)",
    });
    const [scheme, jwt] = authorization.split(" ");
    expect(scheme?.toLowerCase()).toBe("bearer");
    const [header, payload, signature] = (jwt ?? "").split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toMatchObject({ alg: "RS256" });
    expect(JSON.parse(Buffer.from(payload ?? "", "base64url").toString())).toMatchObject({ iss: "4242" });
    const verified = createVerify("RSA-SHA256")
      .update(`${header}.${payload}`)
      .verify(publicKey, Buffer.from(signature ?? "", "base64url"));
    expect(verified).toBe(true);
  });

  it.each([
    { status: 401, problem: "GitHub refused the app's credentials (HTTP 401 on GET /app)" },
    { status: 404, problem: "GitHub knows no app with APP_ID=4242" },
  ])("fails for good on HTTP $status", async ({ status, problem }) => {
    nock("https://api.github.com").get("/app").reply(status, { message: "nope" });
    const outcome = await check();
    expect(outcome.status).toBe("failed");
    expect(outcome.status === "failed" && outcome.problem).toContain(problem);
  });

  it("cannot tell when GitHub is unreachable, and says reviews are not blocked", async () => {
    nock("https://api.github.com").get("/app").replyWithError("connect ECONNREFUSED");
    const outcome = await check();
    expect(outcome).toEqual({
      status: "unknown",
      warning: expect.stringContaining("reviews are not blocked"),
    });
  });
});
