import nock from "nock";

export type Body = Record<string, unknown>;

export interface ModelFindingFixture {
  path: string;
  line: number;
  end_line?: number;
  severity: string;
  category: string;
  confidence: number;
  title: string;
  body: string;
  suggestion?: string;
  evidence?: string;
}

/** A Messages API answer whose forced tool call carries `input`. */
export function buildToolAnswer(input: unknown, usage = { input_tokens: 1200, output_tokens: 300 }): Body {
  return {
    id: "msg_test",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-5-5",
    stop_reason: "tool_use",
    stop_sequence: null,
    content: [{ type: "tool_use", id: "toolu_test", name: "submit_review", input }],
    usage: { ...usage, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** Mocks POST /v1/messages; `requests` collects every request body in order. */
export function createAnthropicMock() {
  const scope = nock("https://api.anthropic.com");
  const requests: Body[] = [];
  const recordAndReply = (reply: Body) => async (request: Request) => {
    requests.push((await request.json()) as Body);
    return reply;
  };
  const mock = {
    scope,
    requests,
    answer(summary: string, findings: ModelFindingFixture[]) {
      scope.post("/v1/messages").reply(200, recordAndReply(buildToolAnswer({ summary, findings })));
      return mock;
    },
    raw(body: Body) {
      scope.post("/v1/messages").reply(200, recordAndReply(body));
      return mock;
    },
    error(status: number, type: string, times = 1, headers: Record<string, string> = {}) {
      scope
        .post("/v1/messages")
        .times(times)
        .reply(
          status,
          recordAndReply({ type: "error", error: { type, message: `${type} (test)` } }),
          headers,
        );
      return mock;
    },
  };
  return mock;
}
