import { ModelOutputError, ModelUnavailableError } from "../model/model-errors.js";
import { encodeCodeSpan } from "../security/encode-markdown.js";
import { redactSecretsInMessage } from "../security/log-redaction.js";

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/**
 * A message for the check run that says, in the app's words, what failed and what to do about it. It is
 * Markdown, safe to post: a library's or server's own message is only quoted, on one line, as a code
 * span (never raw), after tokens and keys that may sit in it are masked.
 */
export function describeError(error: unknown): string {
  if (error instanceof ModelUnavailableError) {
    if (error.status === 401 || error.status === 403) {
      return "The Anthropic API rejected the key (HTTP 401/403): check ANTHROPIC_API_KEY.";
    }
    if (error.status === 404)
      return "The Anthropic API does not know the model: check ANTHROPIC_MODEL or `model` in `.github/architect.yml`.";
    if (error.status === 400)
      return `The Anthropic API refused the request (HTTP 400; its message: ${quote(error.cause)}).`;
    // The message is the app's own (`toModelError`), naming the status and the SDK's error class.
    return `${error.message}. The review could not run; re-run it when the API is available.`;
  }
  if (error instanceof ModelOutputError) {
    return `The model's answer could not be used (${quote(error)}). Re-run the review; if it keeps happening, report it.`;
  }
  const http = error as HttpLikeError;
  if (typeof http?.status === "number") {
    const permission = http.response?.headers?.["x-accepted-github-permissions"];
    const hint =
      http.status === 403 || http.status === 404
        ? ` The app may lack a permission${permission ? ` (GitHub expects: ${permission})` : ""}, or the pull request is gone.`
        : "";
    return `GitHub answered HTTP ${http.status} (its message: ${quote(error)}).${hint}`;
  }
  return `Unexpected error (${quote(error)}).`;
}

/** A library's message as a one-line code span, secrets masked, capped. */
function quote(error: unknown): string {
  return encodeCodeSpan(redactSecretsInMessage(messageOf(error)), { maxLength: 300 });
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.slice(0, 500);
}
