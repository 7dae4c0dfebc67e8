/**
 * Precision and recall of the rule-based detectors on the labelled corpus (test/corpus, see its README).
 * Every line of a sample counts as added. Run from the project root:
 *   npx tsc -p tsconfig.build.json && node lib/bench/eval-detectors.js
 * The last line of output is one JSON object: { precision, recall, detectors: { <id>: { precision, recall } } }.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { detectorIds } from "../detectors/registry.js";
import { runDetectors } from "../detectors/run-detectors.js";
import { buildLineIndex } from "../diff/line-index.js";
import { parsePatch } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";

interface Expectation {
  ruleId: string;
  line: number;
}

interface Sample {
  path: string;
  text: string;
  expected: Expectation[];
}

interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const expectPattern = /expect:\s*(.*)$/;

function parseExpectations(text: string, path: string): Expectation[] {
  const header = text.split("\n", 3).find((line) => expectPattern.test(line));
  const match = header ? expectPattern.exec(header) : null;
  if (!match?.[1]) throw new Error(`Corpus sample ${path} has no "expect:" header in its first three lines`);
  const spec = match[1].replace(/\*\/\s*$|-->\s*$/, "").trim();
  if (spec === "none") return [];
  return spec.split(",").map((entry) => {
    const [ruleId, line] = entry.trim().split("@");
    const lineNumber = Number(line);
    if (!ruleId || !Number.isInteger(lineNumber) || !detectorIds.includes(ruleId))
      throw new Error(
        `Corpus sample ${path}: cannot read expectation "${entry.trim()}" (want <detector-id>@<line>)`,
      );
    return { ruleId, line: lineNumber };
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return name === "README.md" ? [] : [path];
  });
}

function loadCorpus(root: string): Sample[] {
  return listFiles(root)
    .sort()
    .map((path) => {
      const text = readFileSync(path, "utf8");
      const relativePath = relative(root, path);
      return { path: relativePath, text, expected: parseExpectations(text, relativePath) };
    });
}

/** The sample as a patch that adds every line, the way a new file appears in a pull request. */
function toAddedPatch(text: string): string {
  const lines = text.replace(/\n$/, "").split("\n");
  return `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`;
}

function covers(finding: Finding, line: number): boolean {
  return finding.line <= line && line <= (finding.endLine ?? finding.line);
}

function evaluate(samples: Sample[]) {
  const tallies = new Map<string, Tally>(
    detectorIds.map((id) => [id, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  );
  const misses: string[] = [];
  for (const sample of samples) {
    const findings = runDetectors([buildLineIndex(sample.path, parsePatch(toAddedPatch(sample.text)))], {
      onError: (error) => misses.push(`  error       ${error.message}: ${String(error.cause)}`),
    });
    const used = new Set<Finding>();
    for (const expectation of sample.expected) {
      const tally = tallies.get(expectation.ruleId)!;
      const found = findings.find((f) => f.ruleId === expectation.ruleId && covers(f, expectation.line));
      if (found) {
        tally.truePositives++;
        used.add(found);
      } else {
        tally.falseNegatives++;
        misses.push(`  missed      ${expectation.ruleId}@${expectation.line}  ${sample.path}`);
      }
    }
    for (const finding of findings) {
      if (used.has(finding)) continue;
      const tally = tallies.get(finding.ruleId ?? "");
      if (!tally) continue;
      tally.falsePositives++;
      misses.push(
        `  unexpected  ${finding.ruleId}@${finding.line}  ${sample.path}  | ${finding.evidence?.trim() ?? ""}`,
      );
    }
  }
  return { tallies, misses };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : Math.round((numerator / denominator) * 1000) / 1000;
}

function main(): void {
  const corpusRoot = join(process.cwd(), "test", "corpus");
  const samples = loadCorpus(corpusRoot);
  const { tallies, misses } = evaluate(samples);
  const total: Tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const detectors: Record<string, { precision: number; recall: number }> = {};
  const rows: string[] = [];
  for (const [id, tally] of tallies) {
    total.truePositives += tally.truePositives;
    total.falsePositives += tally.falsePositives;
    total.falseNegatives += tally.falseNegatives;
    const precision = ratio(tally.truePositives, tally.truePositives + tally.falsePositives);
    const recall = ratio(tally.truePositives, tally.truePositives + tally.falseNegatives);
    detectors[id] = { precision, recall };
    rows.push(
      `${id.padEnd(34)} ${String(tally.truePositives).padStart(4)} ${String(tally.falsePositives).padStart(4)} ${String(tally.falseNegatives).padStart(4)} ${precision.toFixed(3).padStart(9)} ${recall.toFixed(3).padStart(7)}`,
    );
  }
  const precision = ratio(total.truePositives, total.truePositives + total.falsePositives);
  const recall = ratio(total.truePositives, total.truePositives + total.falseNegatives);
  console.log(
    `Corpus: ${samples.length} samples, ${samples.filter((s) => s.expected.length === 0).length} without defects`,
  );
  if (misses.length > 0) console.log(`Disagreements:\n${misses.join("\n")}`);
  console.log(`${"detector".padEnd(34)}   TP   FP   FN precision  recall`);
  for (const row of rows) console.log(row);
  console.log(
    `${"overall".padEnd(34)} ${String(total.truePositives).padStart(4)} ${String(total.falsePositives).padStart(4)} ${String(total.falseNegatives).padStart(4)} ${precision.toFixed(3).padStart(9)} ${recall.toFixed(3).padStart(7)}`,
  );
  console.log(JSON.stringify({ precision, recall, detectors }));
}

main();
