import { redactSecretsInMessage } from "./log-redaction.js";

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  status?: number;
  code?: string;
  /** A webhook error's delivery id and event name: never its payload. */
  deliveryId?: string;
  event?: string;
  cause?: LoggedError;
}

/**
 * An error as logs may show it: its class, message, stack, status and code, with tokens and keys masked
 * — and nothing else. Libraries hang whole requests, responses and webhook payloads on their errors
 * (`@octokit/webhooks` puts the delivery on `event` when a signature fails); none of that is logged.
 */
export function serializeErrorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error))
    return { type: typeof error, message: redactSecretsInMessage(String(error)).slice(0, 1_000) };
  const fields = error as Error & {
    status?: unknown;
    code?: unknown;
    event?: { id?: unknown; name?: unknown };
  };
  const logged: LoggedError = {
    type: error.name,
    message: redactSecretsInMessage(error.message).slice(0, 2_000),
  };
  if (typeof error.stack === "string") logged.stack = redactSecretsInMessage(error.stack).slice(0, 8_000);
  if (typeof fields.status === "number") logged.status = fields.status;
  if (typeof fields.code === "string" || typeof fields.code === "number") logged.code = String(fields.code);
  if (typeof fields.event?.id === "string") logged.deliveryId = fields.event.id.slice(0, 100);
  if (typeof fields.event?.name === "string") logged.event = fields.event.name.slice(0, 100);
  if (error.cause !== undefined && depth < 3) logged.cause = serializeErrorForLog(error.cause, depth + 1);
  return logged;
}
