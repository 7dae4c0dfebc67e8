import { ModelOutputError, ModelUnavailableError } from "../model/model-errors.js";
import { redactSecretsInMessage } from "../security/log-redaction.js";

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/**
 * A message for the check run that says what failed and what to do about it. Never includes secrets:
 * tokens and keys that may sit in an error message are masked.
 */
export function describeError(error: unknown): string {
  if (error instanceof ModelUnavailableError) {
    if (error.status === 401 || error.status === 403) {
      return "The Anthropic API rejected the key (HTTP 401/403): check ANTHROPIC_API_KEY.";
    }
    if (error.status === 404)
      return "The Anthropic API does not know the model: check ANTHROPIC_MODEL or `model` in .github/architect.yml.";
    if (error.status === 400)
      return `The Anthropic API refused the request (HTTP 400): ${redactSecretsInMessage(messageOf(error.cause))}`;
    return `${error.message}. The review could not run; re-run it when the API is available.`;
  }
  if (error instanceof ModelOutputError) {
    return `The model's answer could not be used: ${redactSecretsInMessage(error.message)}. Re-run the review; if it keeps happening, report it.`;
  }
  const http = error as HttpLikeError;
  if (typeof http?.status === "number") {
    const permission = http.response?.headers?.["x-accepted-github-permissions"];
    const hint =
      http.status === 403 || http.status === 404
        ? ` The app may lack a permission${permission ? ` (GitHub expects: ${permission})` : ""}, or the pull request is gone.`
        : "";
    return `GitHub answered HTTP ${http.status}: ${redactSecretsInMessage(messageOf(error))}.${hint}`;
  }
  return `Unexpected error: ${redactSecretsInMessage(messageOf(error))}`;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.slice(0, 500);
}
