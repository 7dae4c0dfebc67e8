import Anthropic from "@anthropic-ai/sdk";
import type { TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import { createModelClient, type ModelProviderConfig } from "./create-model-client.js";
import { ModelUnavailableError } from "./model-errors.js";
import {
  ModelOutputError,
  type ParsedReviewOutput,
  parseReviewOutput,
  reviewTool,
} from "./review-output-schema.js";

export interface ModelUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export interface ReviewPrompt {
  /** Stable prefix: cached after the first call. */
  system: TextBlockParam[];
  /** The diff and the untrusted pull-request text. */
  user: string;
}

export interface ModelAnswer {
  output: ParsedReviewOutput;
  usage: ModelUsage;
  model: string;
}

export interface ReviewModel {
  readonly model: string;
  review(prompt: ReviewPrompt, options?: { signal?: AbortSignal; model?: string }): Promise<ModelAnswer>;
}

export { ModelOutputError, ModelUnavailableError };

export interface ReviewModelOptions {
  /** Anthropic's API with this key (shorthand for `provider: { provider: "anthropic", apiKey, baseURL }`). */
  apiKey?: string | undefined;
  baseURL?: string | undefined;
  /** Where Claude is reached: Anthropic's API, Amazon Bedrock or Google Vertex AI. Wins over `apiKey`. */
  provider?: ModelProviderConfig | undefined;
  model: string;
  maxTokens: number;
  timeoutMs: number;
  maxRetries: number;
  /** Runs a model call under the process-wide cap on concurrent calls. */
  limit?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * Claude as a reviewer: one forced `submit_review` tool call per request, validated with the output
 * schema. The SDK retries 408/409/429/5xx/529 and connection errors `maxRetries` times with backoff,
 * honouring retry-after; each attempt is capped by `timeoutMs`.
 */
export function createReviewModel(options: ReviewModelOptions): ReviewModel {
  const provider: ModelProviderConfig = options.provider ?? {
    provider: "anthropic",
    apiKey: options.apiKey ?? "",
    baseURL: options.baseURL,
  };
  const client = createModelClient(provider, {
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
  });
  const providerName = providerNames[provider.provider];
  const limit = options.limit ?? (<T>(fn: () => Promise<T>) => fn());

  return {
    model: options.model,
    async review(prompt, callOptions = {}) {
      const model = callOptions.model ?? options.model;
      const message = await limit(async () => {
        try {
          return await client.messages.create(
            {
              model,
              max_tokens: options.maxTokens,
              system: prompt.system,
              tools: [reviewTool],
              tool_choice: { type: "tool", name: reviewTool.name },
              messages: [{ role: "user", content: prompt.user }],
            },
            callOptions.signal ? { signal: callOptions.signal } : undefined,
          );
        } catch (error) {
          throw toModelError(error, providerName);
        }
      });
      const usage: ModelUsage = {
        input: message.usage.input_tokens,
        output: message.usage.output_tokens,
        cacheRead: message.usage.cache_read_input_tokens ?? 0,
        cacheWrite: message.usage.cache_creation_input_tokens ?? 0,
      };
      const toolUse = message.content.find(
        (block) => block.type === "tool_use" && block.name === reviewTool.name,
      );
      if (toolUse?.type !== "tool_use") {
        const truncated =
          message.stop_reason === "max_tokens" ? " (the answer hit the output token limit)" : "";
        throw Object.assign(
          new ModelOutputError(
            `The model did not call ${reviewTool.name}${truncated}; stop reason: ${message.stop_reason}`,
          ),
          { usage },
        );
      }
      try {
        return { output: parseReviewOutput(toolUse.input), usage, model };
      } catch (error) {
        throw Object.assign(error as Error, { usage });
      }
    },
  };
}

const providerNames: Record<ModelProviderConfig["provider"], string> = {
  anthropic: "The Anthropic API",
  bedrock: "Amazon Bedrock",
  vertex: "Google Vertex AI",
};

function toModelError(error: unknown, providerName: string): Error {
  if (error instanceof Anthropic.APIUserAbortError) return error;
  if (error instanceof Anthropic.APIError) {
    const status = typeof error.status === "number" ? error.status : undefined;
    const what =
      error instanceof Anthropic.APIConnectionError
        ? "could not be reached"
        : `answered ${status ?? "an error"} (${error.name})`;
    return new ModelUnavailableError(`${providerName} ${what} after retries`, status, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
