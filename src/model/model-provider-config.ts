import type { AnthropicVertex } from "@anthropic-ai/vertex-sdk";

/**
 * Where Claude is reached. All three speak the Messages API through Anthropic's own SDK packages, so
 * prompts (with their `cache_control` breakpoints), the tool call, retries and error classes are the same;
 * only the URL, the authentication and the model ids differ.
 */
export type ModelProviderConfig =
  /** Anthropic's API: `POST {baseURL}/v1/messages` with the API key. */
  | { provider: "anthropic"; apiKey: string; baseURL?: string | undefined }
  /**
   * Amazon Bedrock: `POST /model/{model}/invoke`, signed with AWS SigV4. Credentials come from the AWS
   * default chain (AWS_ACCESS_KEY_ID…, AWS_PROFILE, an instance or task role) unless given here.
   */
  | {
      provider: "bedrock";
      awsRegion: string;
      baseURL?: string | undefined;
      awsAccessKey?: string | undefined;
      awsSecretKey?: string | undefined;
      awsSessionToken?: string | undefined;
    }
  /**
   * Google Vertex AI: `POST /v1/projects/{project}/locations/{region}/publishers/anthropic/models/{model}:rawPredict`.
   * Credentials come from Google's Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, a
   * workload identity) unless a Google auth client is given.
   */
  | {
      provider: "vertex";
      region: string;
      projectId?: string | undefined;
      baseURL?: string | undefined;
      authClient?: VertexAuthClient | undefined;
    };

/** A google-auth-library client (what Application Default Credentials would create). */
type VertexAuthClient = NonNullable<
  NonNullable<ConstructorParameters<typeof AnthropicVertex>[0]>["authClient"]
>;

export type ModelProvider = ModelProviderConfig["provider"];

/** The provider settings the environment names, or why no model can be used (detectors only). */
export function getModelProviderConfig(env: {
  MODEL_PROVIDER: ModelProvider;
  ANTHROPIC_API_KEY?: string | undefined;
  ANTHROPIC_BASE_URL?: string | undefined;
  AWS_REGION?: string | undefined;
  CLOUD_ML_REGION?: string | undefined;
  ANTHROPIC_VERTEX_PROJECT_ID?: string | undefined;
}): { config: ModelProviderConfig } | { missing: string } {
  switch (env.MODEL_PROVIDER) {
    case "anthropic":
      return env.ANTHROPIC_API_KEY
        ? {
            config: { provider: "anthropic", apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL },
          }
        : { missing: "ANTHROPIC_API_KEY is not set" };
    case "bedrock":
      return env.AWS_REGION
        ? { config: { provider: "bedrock", awsRegion: env.AWS_REGION } }
        : { missing: "MODEL_PROVIDER=bedrock needs AWS_REGION" };
    case "vertex":
      return env.CLOUD_ML_REGION
        ? {
            config: {
              provider: "vertex",
              region: env.CLOUD_ML_REGION,
              projectId: env.ANTHROPIC_VERTEX_PROJECT_ID,
            },
          }
        : { missing: "MODEL_PROVIDER=vertex needs CLOUD_ML_REGION (and ANTHROPIC_VERTEX_PROJECT_ID)" };
  }
}
