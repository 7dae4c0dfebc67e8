import Anthropic from "@anthropic-ai/sdk";
import type { ModelProviderConfig } from "../model/model-provider-config.js";
import type { CheckOutcome } from "./check-credentials.js";

/** How many of the key's model ids a "not listed" problem names. */
const shownModels = 12;

/**
 * Checks at start that the configured model id is one the key can use (`GET /v1/models`), so that a typo
 * does not silently reduce every review to the detectors. An alias (`claude-sonnet-5-5`) matches a listed
 * dated id (`claude-sonnet-5-5-20261001`). Bedrock and Vertex list models through their own cloud APIs,
 * not the Messages API: their ids are not checked here (a wrong one shows in the first review's check run).
 */
export async function checkModelAccess(options: {
  provider: ModelProviderConfig;
  model: string;
  timeoutMs?: number;
}): Promise<CheckOutcome> {
  const { provider, model } = options;
  if (provider.provider !== "anthropic") {
    return { status: "ok", detail: `model ${model} on ${provider.provider} (ids are not listed at start)` };
  }
  const client = new Anthropic({
    apiKey: provider.apiKey,
    ...(provider.baseURL ? { baseURL: provider.baseURL } : {}),
    maxRetries: 1,
    timeout: options.timeoutMs ?? 15_000,
  });
  const ids: string[] = [];
  try {
    for await (const info of client.models.list({ limit: 100 })) ids.push(info.id);
  } catch (error) {
    const status = error instanceof Anthropic.APIError ? error.status : undefined;
    if (status === 401 || status === 403) {
      return {
        status: "failed",
        problem: `The Anthropic API rejected ANTHROPIC_API_KEY (HTTP ${status} on GET /v1/models): set a valid key, or unset it to run the detectors alone.`,
      };
    }
    const reason = typeof status === "number" ? `HTTP ${status}` : (error as Error).message;
    return {
      status: "unknown",
      warning: `Could not list the models of ANTHROPIC_API_KEY at start (${reason}); ANTHROPIC_MODEL=${model} is unchecked and reviews are not blocked.`,
    };
  }
  if (ids.some((id) => id === model || id.startsWith(`${model}-`))) {
    return { status: "ok", detail: `model ${model}` };
  }
  const listed = ids.slice(0, shownModels).join(", ") + (ids.length > shownModels ? ", …" : "");
  return {
    status: "failed",
    problem: `ANTHROPIC_MODEL=${model} is not among the ${ids.length} models this key can use (${listed || "none"}): set ANTHROPIC_MODEL to one of them.`,
  };
}
