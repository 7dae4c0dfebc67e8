import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";
import Anthropic from "@anthropic-ai/sdk";
import { AnthropicVertex } from "@anthropic-ai/vertex-sdk";

import type { ModelProviderConfig } from "./model-provider-config.js";

export type { ModelProvider, ModelProviderConfig } from "./model-provider-config.js";

/** The part of a client the review uses: the Messages API. */
export interface ModelClient {
  messages: Pick<Anthropic["messages"], "create">;
}

export interface ModelClientOptions {
  maxRetries: number;
  timeoutMs: number;
}

/**
 * Creates the SDK client of the configured provider.
 *
 * @example
 * const client = createModelClient({ provider: "bedrock", awsRegion: "eu-west-1" }, { maxRetries: 2, timeoutMs: 60_000 });
 * await client.messages.create({ model: "anthropic.claude-sonnet-5-5-v1:0", max_tokens: 1024, messages });
 */
export function createModelClient(config: ModelProviderConfig, options: ModelClientOptions): ModelClient {
  const common = { maxRetries: options.maxRetries, timeout: options.timeoutMs };
  const baseURL = config.baseURL ? { baseURL: config.baseURL } : {};
  switch (config.provider) {
    case "anthropic":
      return new Anthropic({ apiKey: config.apiKey, ...baseURL, ...common });
    case "bedrock": {
      const awsRegion = config.awsRegion;
      if (config.awsAccessKey && config.awsSecretKey) {
        return new AnthropicBedrock({
          awsRegion,
          awsAccessKey: config.awsAccessKey,
          awsSecretKey: config.awsSecretKey,
          awsSessionToken: config.awsSessionToken ?? null,
          ...baseURL,
          ...common,
        });
      }
      return new AnthropicBedrock({ awsRegion, ...baseURL, ...common });
    }
    case "vertex":
      return new AnthropicVertex({
        region: config.region,
        ...(config.projectId ? { projectId: config.projectId } : {}),
        ...(config.authClient ? { authClient: config.authClient } : {}),
        ...baseURL,
        ...common,
      });
  }
}
