import { createPrivateKey } from "node:crypto";
import { getPrivateKey } from "@probot/get-private-key";
import type { ProbotOctokit } from "probot";

/** The app's private key as Probot needs it (PEM), or why it could not be had. */
export type PrivateKeyResult = { ok: true; privateKey: string } | { ok: false; problem: string };

const keyHelp =
  "Set PRIVATE_KEY to the .pem file's text (escaped \\n and base64 are accepted) or, in containers, mount the file and set PRIVATE_KEY_PATH.";

/**
 * Reads the app's private key from PRIVATE_KEY (plain, `\n`-escaped, base64, or wrapped in the quotes that
 * Probot's registration writes into .env and `docker run --env-file` keeps) or PRIVATE_KEY_PATH, and checks
 * that it parses as a private key. Never puts the key's text into the problem it reports.
 *
 * @example
 * const key = loadPrivateKey(process.env, process.cwd());
 * if (!key.ok) log.error(key.problem);
 */
export function loadPrivateKey(env: NodeJS.ProcessEnv, cwd: string): PrivateKeyResult {
  const raw = env.PRIVATE_KEY === undefined ? undefined : stripQuotes(env.PRIVATE_KEY.trim());
  const source = raw
    ? "PRIVATE_KEY"
    : env.PRIVATE_KEY_PATH
      ? `PRIVATE_KEY_PATH (${env.PRIVATE_KEY_PATH})`
      : "";
  let pem: string | null;
  try {
    pem = getPrivateKey({ env: { ...env, PRIVATE_KEY: raw || undefined }, cwd });
  } catch (error) {
    const reason = (error as Error).message.replace(/^\[@probot\/get-private-key\]\s*/, "");
    return { ok: false, problem: `The GitHub App's private key could not be read: ${reason} ${keyHelp}` };
  }
  if (!pem) return { ok: false, problem: `No GitHub App private key is set. ${keyHelp}` };
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== "rsa") {
      return {
        ok: false,
        problem: `The private key in ${source || "the .pem file"} is a ${key.asymmetricKeyType} key; GitHub Apps sign with RSA keys. ${keyHelp}`,
      };
    }
  } catch (error) {
    return {
      ok: false,
      problem: `The private key in ${source || "the .pem file"} does not parse (${(error as Error).message}). ${keyHelp}`,
    };
  }
  return { ok: true, privateKey: pem };
}

function stripQuotes(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first))
    return value.slice(1, -1);
  return value;
}

export type CheckOutcome =
  /** The credentials work. */
  | { status: "ok"; detail: string }
  /** They do not and will not: readiness must fail with this problem. */
  | { status: "failed"; problem: string }
  /** Could not tell (network, GitHub down): reviews are not blocked; the warning says so. */
  | { status: "unknown"; warning: string };

/** An Octokit class that authenticates as the app with `{ appId, privateKey }` (Probot's, or a test's). */
type AppOctokitClass = typeof ProbotOctokit;

/**
 * Proves the app's credentials end to end: signs a JWT with the key and asks GitHub for the app
 * (`GET /app`). A 401 means the key is not this app's (or APP_ID is wrong); a 404 that GitHub has no such app.
 */
export async function checkGitHubApp(options: {
  appId: string;
  privateKey: string;
  baseUrl: string;
  Octokit: AppOctokitClass;
}): Promise<CheckOutcome> {
  const octokit = new options.Octokit({
    auth: { appId: options.appId, privateKey: options.privateKey },
    baseUrl: options.baseUrl,
    retry: { enabled: false },
    throttle: { enabled: false },
  });
  try {
    const { data } = await octokit.rest.apps.getAuthenticated();
    return {
      status: "ok",
      detail: `GitHub App ${data?.slug ?? options.appId} (id ${data?.id ?? options.appId})`,
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403) {
      return {
        status: "failed",
        problem: `GitHub refused the app's credentials (HTTP ${status} on GET /app): APP_ID=${options.appId} and the private key do not belong together, or the key was revoked. Download a new key from the app's settings page.`,
      };
    }
    if (status === 404) {
      return {
        status: "failed",
        problem: `GitHub knows no app with APP_ID=${options.appId} at ${options.baseUrl} (HTTP 404 on GET /app).`,
      };
    }
    if (status === undefined && /sign|key|PEM|asn1|decoder/i.test((error as Error).message ?? "")) {
      return {
        status: "failed",
        problem: `The app's JWT could not be signed with the private key. ${keyHelp}`,
      };
    }
    return {
      status: "unknown",
      warning: `Could not verify the GitHub App's credentials at start (${status ? `HTTP ${status}` : (error as Error).message}); reviews are not blocked, but check the connection to ${options.baseUrl}.`,
    };
  }
}
