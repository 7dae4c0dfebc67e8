import { describe, expect, it } from "@jest/globals";
import {
  analyseReviewSources,
  extractImpactPerFile,
  type ImpactExtraction,
  mergeImpactExtractions,
  type ReviewSource,
} from "../../src/analysis/analyse-files.js";
import { createInlineAnalyzer } from "../../src/analysis/file-analyzer.js";
import {
  analyseReviewWithMemo,
  createImpactMemo,
  extractImpactWithMemo,
} from "../../src/analysis/impact-memo.js";
import { buildFollowUp, buildSyntheticPull } from "../../src/bench/synthetic-pull.js";
import type { ImpactFile } from "../../src/impact/build-architecture-impact.js";

const toImpactFiles = (count: number, seed: number): ImpactFile[] =>
  buildSyntheticPull({ count, seed }).map((f) => ({ filename: f.filename, patch: f.patch }));

/** A `read` that records which files it was asked for. */
function recordingReader() {
  const asked: string[][] = [];
  return {
    asked,
    read: async (files: ImpactFile[]): Promise<ImpactExtraction[]> => {
      asked.push(files.map((f) => f.filename));
      return extractImpactPerFile(files);
    },
  };
}

describe("createImpactMemo", () => {
  it("knows a part by path and patch, and nothing else", () => {
    const memo = createImpactMemo();
    const [part] = extractImpactPerFile([{ filename: "a.ts", patch: "@@ -0,0 +1 @@\n+x" }]);
    memo.set("a.ts", "@@ -0,0 +1 @@\n+x", part as ImpactExtraction);
    expect(memo.get("a.ts", "@@ -0,0 +1 @@\n+x")).toBe(part);
    expect(memo.get("a.ts", "@@ -0,0 +1 @@\n+y")).toBeUndefined();
    expect(memo.get("b.ts", "@@ -0,0 +1 @@\n+x")).toBeUndefined();
  });

  it("forgets the least recently used parts beyond its size", () => {
    const memo = createImpactMemo(2);
    const part = mergeImpactExtractions([]);
    memo.set("a", "1", part);
    memo.set("b", "2", part);
    expect(memo.get("a", "1")).toBe(part); // a is now the most recent
    memo.set("c", "3", part);
    expect(memo.size).toBe(2);
    expect(memo.get("b", "2")).toBeUndefined();
    expect(memo.get("a", "1")).toBe(part);
    expect(memo.get("c", "3")).toBe(part);
  });
});

describe("extractImpactWithMemo", () => {
  it("reads again only the files a push changed, and gives what reading every file gives", async () => {
    const pull = buildSyntheticPull({ count: 120, seed: 5 });
    const first = pull.map((f) => ({ filename: f.filename, patch: f.patch }));
    const memo = createImpactMemo();
    const reader = recordingReader();
    const firstImpact = await extractImpactWithMemo(memo, first, reader.read);
    expect(firstImpact).toEqual(mergeImpactExtractions(extractImpactPerFile(first)));
    expect(reader.asked).toEqual([first.map((f) => f.filename)]);

    const followUp = buildFollowUp(pull);
    const second = followUp.files.map((f) => ({ filename: f.filename, patch: f.patch }));
    const changed = second.filter((f, i) => f.patch !== first[i]?.patch).map((f) => f.filename);
    expect(changed).toEqual([followUp.compareFile.filename]);
    const secondImpact = await extractImpactWithMemo(memo, second, reader.read);
    expect(reader.asked[1]).toEqual(changed);
    expect(secondImpact).toEqual(mergeImpactExtractions(extractImpactPerFile(second)));
  });

  it("keeps the files' order and their errors, and reads nothing when every part is known", async () => {
    const files = [
      ...toImpactFiles(10, 8),
      { filename: "no-patch.bin" },
      { filename: "requirements.txt", patch: "@@ -0,0 +1 @@\n+psycopg2==2.9.9" },
    ];
    const memo = createImpactMemo();
    const reader = recordingReader();
    const once = await extractImpactWithMemo(memo, files, reader.read);
    const twice = await extractImpactWithMemo(memo, [...files].reverse(), reader.read);
    // The file without a patch is never remembered (it adds nothing): it is the only one read again.
    expect(reader.asked[1]).toEqual(["no-patch.bin"]);
    expect(once.impact.dependencies.map((d) => d.name)).toEqual(["psycopg2"]);
    expect(twice).toEqual(mergeImpactExtractions(extractImpactPerFile([...files].reverse())));
  });
});

describe("analyseReviewWithMemo", () => {
  const toSources = (files: ImpactFile[]): ReviewSource[] =>
    files.map((f, i) => ({
      path: f.filename,
      patch: f.patch ?? "",
      analyse: i % 3 !== 0,
      impact: i % 4 !== 1,
    }));

  it("asks the detectors' files for the detectors only once their impact is known", async () => {
    const sources = toSources(toImpactFiles(60, 11));
    const memo = createImpactMemo();
    const asked: ReviewSource[][] = [];
    const analyse = async (batch: ReviewSource[]) => {
      asked.push(batch);
      return [await analyseReviewSources(batch)];
    };
    const plain = await analyseReviewSources(sources);
    const expected = { analysis: plain.analysis, impact: mergeImpactExtractions(plain.impacts) };
    expect(await analyseReviewWithMemo(memo, sources, analyse)).toEqual(expected);
    expect(await analyseReviewWithMemo(memo, sources, analyse)).toEqual(expected);
    expect(asked[0]).toEqual(sources.filter((s) => s.analyse || s.impact));
    // Second time: no impact is read, and files only the impact needed are not sent at all.
    expect(asked[1]).toEqual(sources.filter((s) => s.analyse).map((s) => ({ ...s, impact: false })));
  });
});

describe("the analyzers' memo", () => {
  it("serves a follow-up's impact from the first reading (inline analyzer)", async () => {
    const pull = buildSyntheticPull({ count: 80, seed: 21 });
    const analyzer = createInlineAnalyzer();
    const first = pull.map((f) => ({ filename: f.filename, patch: f.patch }));
    await analyzer.extractImpact(first);
    const followUp = buildFollowUp(pull).files.map((f) => ({ filename: f.filename, patch: f.patch }));
    expect(await analyzer.extractImpact(followUp)).toEqual(
      await createInlineAnalyzer().extractImpact(followUp),
    );
  });
});
