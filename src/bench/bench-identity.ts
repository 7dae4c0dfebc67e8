/**
 * Times finding identity on a long-lived pull request: 300 current findings matched against 1,000 earlier
 * line comments of the app (the worst realistic case: every earlier comment on the same file), plus
 * building the 300 identities. One warm-up pass, then the median of five timed passes.
 *   npx tsc -p tsconfig.build.json && node lib/bench/bench-identity.js
 * The last line of output is one JSON object: { current, earlier, build_ms, match_ms }.
 */
import { performance } from "node:perf_hooks";
import { categories } from "../findings/finding.js";
import { buildFindingIdentity, type FindingIdentity, matchFindings } from "../findings/finding-identity.js";

const currentCount = 300;
const earlierCount = 1000;

function buildAll(count: number, offset: number): FindingIdentity[] {
  return Array.from({ length: count }, (_, i) =>
    buildFindingIdentity(
      {
        path: "src/services/orders.ts",
        category: categories[i % categories.length]!,
        ...(i % 3 === 0 ? { ruleId: "n-plus-one" } : {}),
        title: `Problem number ${i + offset} in the order service`,
      },
      [[`  const row${i + offset} = await db.query(sql${i + offset}, [id]);`]],
    ),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const earlier = buildAll(earlierCount, 150).map((identity) => ({
  keys: identity.keys,
  title: identity.title,
}));
buildAll(currentCount, 0);
const buildTimes: number[] = [];
const matchTimes: number[] = [];
let matched = 0;
for (let pass = 0; pass < 6; pass += 1) {
  const startBuild = performance.now();
  const current = buildAll(currentCount, 0);
  const built = performance.now();
  matched = matchFindings(current, earlier).filter((i) => i !== -1).length;
  const done = performance.now();
  if (pass === 0) continue;
  buildTimes.push(built - startBuild);
  matchTimes.push(done - built);
}
console.log(`${currentCount} current findings, ${earlierCount} earlier comments, ${matched} matched`);
console.log(
  JSON.stringify({
    current: currentCount,
    earlier: earlierCount,
    build_ms: Number(median(buildTimes).toFixed(1)),
    match_ms: Number(median(matchTimes).toFixed(1)),
  }),
);
