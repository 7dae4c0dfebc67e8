import { describe, expect, it } from "@jest/globals";
import { createVoteRecorder } from "../../src/ops/create-vote-recorder.js";
import { createMetrics } from "../../src/ops/metrics.js";

async function getVotes(metrics: ReturnType<typeof createMetrics>) {
  const { values } = await metrics.findingVotes.get();
  return values.map((v) => ({ ...v.labels, value: v.value }));
}

describe("createVoteRecorder", () => {
  it("counts each vote once although every review reads it again, by rule and category", async () => {
    const metrics = createMetrics();
    const record = createVoteRecorder(metrics.findingVotes);
    record([
      { commentId: 1, ruleId: "n-plus-one", category: "performance", votes: { up: 0, down: 2 } },
      { commentId: 2, category: "security", votes: { up: 1, down: 0 } },
    ]);
    // The next review of the pull request sees the same votes, and one more 👎 on comment 1.
    record([
      { commentId: 1, ruleId: "n-plus-one", category: "performance", votes: { up: 0, down: 3 } },
      { commentId: 2, category: "security", votes: { up: 1, down: 0 } },
    ]);

    expect(await getVotes(metrics)).toEqual(
      expect.arrayContaining([
        { vote: "down", rule: "n-plus-one", category: "performance", value: 3 },
        { vote: "up", rule: "model", category: "security", value: 1 },
      ]),
    );
    expect(await getVotes(metrics)).toHaveLength(2);
  });

  it("forgets the oldest comments beyond its capacity (then counts their votes again)", async () => {
    const metrics = createMetrics();
    const record = createVoteRecorder(metrics.findingVotes, 1);
    const first = { commentId: 1, category: "security", votes: { up: 1, down: 0 } };
    record([first]);
    record([{ commentId: 2, category: "security", votes: { up: 1, down: 0 } }]);
    record([first]);
    expect(await getVotes(metrics)).toEqual([{ vote: "up", rule: "model", category: "security", value: 3 }]);
  });
});
