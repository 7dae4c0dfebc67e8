import Anthropic from "@anthropic-ai/sdk";
import type {
  Message,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from "@anthropic-ai/sdk/resources/messages";
import { createModelClient, type ModelClient, type ModelProviderConfig } from "./create-model-client.js";
import { type ExplorationTools, explorationInstructions } from "./exploration.js";
import { ModelUnavailableError } from "./model-errors.js";
import {
  ModelOutputError,
  type ParsedReviewOutput,
  parseReviewOutput,
  reviewTool,
} from "./review-output-schema.js";
import { parseVerdicts, type Verdict, verdictsTool } from "./verdicts-output-schema.js";

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

/** A plain-text answer (a reply in a review thread). */
export interface TextAnswer {
  text: string;
  usage: ModelUsage;
  model: string;
}

export interface VerifierAnswer {
  verdicts: Verdict[];
  usage: ModelUsage;
  model: string;
}

export interface ReviewModel {
  readonly model: string;
  /** Answers in prose, without tools, in at most `maxTokens` tokens (absent on review-only models). */
  answer?(
    prompt: ReviewPrompt,
    options?: { signal?: AbortSignal; model?: string; maxTokens?: number },
  ): Promise<TextAnswer>;
  review(
    prompt: ReviewPrompt,
    options?: { signal?: AbortSignal; model?: string; exploration?: ExplorationTools },
  ): Promise<ModelAnswer>;
  /** The second look: one forced `submit_verdicts` call. Optional: without it, no second look runs. */
  verify?(prompt: ReviewPrompt, options?: { signal?: AbortSignal; model?: string }): Promise<VerifierAnswer>;
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
      if (callOptions.exploration) {
        return exploreAndReview({
          client,
          providerName,
          limit,
          prompt,
          model,
          maxTokens: options.maxTokens,
          tools: callOptions.exploration,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        });
      }
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
      return toAnswer(message, toUsage(message), model);
    },
    async answer(prompt, callOptions = {}) {
      const model = callOptions.model ?? options.model;
      const message = await limit(async () => {
        try {
          return await client.messages.create(
            {
              model,
              max_tokens: Math.min(callOptions.maxTokens ?? 1_500, options.maxTokens),
              system: prompt.system,
              messages: [{ role: "user", content: prompt.user }],
            },
            callOptions.signal ? { signal: callOptions.signal } : undefined,
          );
        } catch (error) {
          throw toModelError(error);
        }
      });
      const usage = toUsage(message);
      const text = message.content
        .flatMap((block) => (block.type === "text" ? [block.text] : []))
        .join("\n\n")
        .trim();
      if (text === "") {
        throw Object.assign(
          new ModelOutputError(`The model gave no text; stop reason: ${message.stop_reason}`),
          {
            usage,
          },
        );
      }
      return { text, usage, model };
    },
    async verify(prompt, callOptions = {}) {
      const model = callOptions.model ?? options.model;
      const message = await limit(async () => {
        try {
          return await client.messages.create(
            {
              model,
              max_tokens: options.maxTokens,
              system: prompt.system,
              tools: [verdictsTool],
              tool_choice: { type: "tool", name: verdictsTool.name },
              messages: [{ role: "user", content: prompt.user }],
            },
            callOptions.signal ? { signal: callOptions.signal } : undefined,
          );
        } catch (error) {
          throw toModelError(error);
        }
      });
      const usage = toUsage(message);
      const toolUse = message.content.find(
        (block) => block.type === "tool_use" && block.name === verdictsTool.name,
      );
      try {
        if (toolUse?.type !== "tool_use") {
          throw new ModelOutputError(
            `The verifier did not call ${verdictsTool.name}; stop reason: ${message.stop_reason}`,
          );
        }
        return { verdicts: parseVerdicts(toolUse.input), usage, model };
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

function toUsage(message: Message): ModelUsage {
  return {
    input: message.usage.input_tokens,
    output: message.usage.output_tokens,
    cacheRead: message.usage.cache_read_input_tokens ?? 0,
    cacheWrite: message.usage.cache_creation_input_tokens ?? 0,
  };
}

/** The submit_review call of a message, validated; usage is attached to any error. */
function toAnswer(message: Message, usage: ModelUsage, model: string): ModelAnswer {
  const toolUse = message.content.find(
    (block) => block.type === "tool_use" && block.name === reviewTool.name,
  );
  if (toolUse?.type !== "tool_use") {
    const truncated = message.stop_reason === "max_tokens" ? " (the answer hit the output token limit)" : "";
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
}

/**
 * Agentic review: the model may call read-only tools (any tool is required each turn) until it calls
 * submit_review, or until a bound (tool turns, tokens, GitHub requests) is reached — then the next request
 * forces submit_review, so the model answers with what it has. Usage is summed over every turn.
 */
async function exploreAndReview(params: {
  client: ModelClient;
  providerName: string;
  limit: <T>(fn: () => Promise<T>) => Promise<T>;
  prompt: ReviewPrompt;
  model: string;
  maxTokens: number;
  tools: ExplorationTools;
  signal?: AbortSignal;
}): Promise<ModelAnswer> {
  const { tools } = params;
  const usage: ModelUsage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  const messages: MessageParam[] = [
    { role: "user", content: `${params.prompt.user}\n\n${explorationInstructions}` },
  ];
  for (let turn = 0; ; turn++) {
    const stop = tools.checkBounds(turn);
    if (stop) {
      tools.recordStop(stop);
      const last = messages[messages.length - 1]!;
      const note = `Exploration limit reached (${stop}). Call submit_review now with what you have.`;
      if (Array.isArray(last.content)) last.content.push({ type: "text", text: note });
    }
    const message = await params.limit(async () => {
      try {
        return await params.client.messages.create(
          {
            model: params.model,
            max_tokens: params.maxTokens,
            system: params.prompt.system,
            tools: stop ? [reviewTool] : [reviewTool, ...tools.definitions],
            tool_choice: stop ? { type: "tool", name: reviewTool.name } : { type: "any" },
            messages,
          },
          params.signal ? { signal: params.signal } : undefined,
        );
      } catch (error) {
        throw Object.assign(toModelError(error, params.providerName), { usage: { ...usage } });
      }
    });
    const turnUsage = toUsage(message);
    usage.input += turnUsage.input;
    usage.output += turnUsage.output;
    usage.cacheRead += turnUsage.cacheRead;
    usage.cacheWrite += turnUsage.cacheWrite;
    const toolUses = message.content.filter(
      (block) => block.type === "tool_use" && block.name !== reviewTool.name,
    );
    const submitted = message.content.some(
      (block) => block.type === "tool_use" && block.name === reviewTool.name,
    );
    tools.recordTurn(
      turnUsage.input + turnUsage.output + turnUsage.cacheRead + turnUsage.cacheWrite,
      toolUses.length,
    );
    if (submitted || stop || toolUses.length === 0) return toAnswer(message, usage, params.model);
    messages.push({ role: "assistant", content: message.content });
    const results: ToolResultBlockParam[] = [];
    for (const block of toolUses) {
      if (block.type !== "tool_use") continue;
      results.push({
        type: "tool_result",
        tool_use_id: block.id,
        content: await tools.execute(block.name, block.input),
      });
    }
    messages.push({ role: "user", content: results });
  }
}

function toModelError(error: unknown, providerName = providerNames.anthropic): Error {
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
