/** Probot's default webhook secret: fine on a laptop, a forgery kit in production. */
export const developmentWebhookSecret = "development";

/**
 * Why this process must not start with its webhook secret, or null when it may. A deployment —
 * `NODE_ENV=production`, or any `APP_ID` (a real GitHub App) — needs a real `WEBHOOK_SECRET`: without one
 * Probot verifies signatures against "development", and anyone can sign a webhook.
 *
 * @example getWebhookSecretProblem({ APP_ID: "1" }) // "WEBHOOK_SECRET is not set …"
 */
export function getWebhookSecretProblem(env: NodeJS.ProcessEnv): string | null {
  const deployed = env.NODE_ENV === "production" || (env.APP_ID ?? "").trim() !== "";
  if (!deployed) return null;
  const secret = env.WEBHOOK_SECRET ?? "";
  const why = env.NODE_ENV === "production" ? "NODE_ENV is production" : "APP_ID is set";
  if (secret.trim() === "")
    return `WEBHOOK_SECRET is not set, and ${why}: refusing to start, since anyone could sign webhooks. Set WEBHOOK_SECRET to the secret of the GitHub App's webhook (a long random string).`;
  if (secret === developmentWebhookSecret)
    return `WEBHOOK_SECRET is "${developmentWebhookSecret}" (Probot's default), and ${why}: refusing to start, since anyone could sign webhooks. Set WEBHOOK_SECRET to the secret of the GitHub App's webhook (a long random string).`;
  return null;
}
