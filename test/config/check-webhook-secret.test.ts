import { describe, expect, it } from "@jest/globals";
import { getWebhookSecretProblem } from "../../src/config/check-webhook-secret.js";

describe("getWebhookSecretProblem", () => {
  it.each([
    { name: "development on a laptop", env: {} },
    { name: "a laptop with the default secret", env: { WEBHOOK_SECRET: "development" } },
    { name: "production with a real secret", env: { NODE_ENV: "production", WEBHOOK_SECRET: "s3cr3t-long" } },
    { name: "an app with a real secret", env: { APP_ID: "12", WEBHOOK_SECRET: "s3cr3t-long" } },
  ])("lets $name start", ({ env }) => {
    expect(getWebhookSecretProblem(env)).toBeNull();
  });

  it.each([
    { name: "production without a secret", env: { NODE_ENV: "production" }, said: "NODE_ENV is production" },
    { name: "an app without a secret", env: { APP_ID: "12" }, said: "APP_ID is set" },
    { name: "an app with a blank secret", env: { APP_ID: "12", WEBHOOK_SECRET: "  " }, said: "not set" },
    {
      name: "production with the default",
      env: { NODE_ENV: "production", WEBHOOK_SECRET: "development" },
      said: '"development"',
    },
  ])("refuses $name, saying why", ({ env, said }) => {
    expect(getWebhookSecretProblem(env)).toContain(said);
  });
});
