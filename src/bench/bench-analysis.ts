/**
 * Where the analysis of a large review spends its CPU: the work one analysis thread does for the
 * `bench:review` pull request (3,000 files by default), on this thread, split into its parts. Prints
 * figures; asserts nothing.
 *
 *   npm run build && npm run bench:analysis
 *   BENCH_FILES=1000 npm run bench:analysis
 *
 * Three warm-up passes over pull requests of the same size (other seeds) first, so that the figures are a
 * warmed thread's. Then, each part timed on its own over the measured pull request:
 * - analysis_ms: `analyseReviewSources` in batches of 50 files, every file analysed and read for the impact,
 *   as the pool's tasks do (one thread: on two threads each does about half).
 * - parse_all_ms: ast-grep parsing the new side of every file in a parsed language, and nothing else. The
 *   analysis parses fewer (a file no detector and no impact reader needs a tree for is not parsed):
 *   parse_ms is parse_all_ms scaled to the characters the analysis parsed (`analysis_parsed_kb`).
 * - patch_ms: GitHub patches to hunks and line indexes.
 * - secrets_ms: the secret scan and redaction.
 * - detectors_ms / impact_ms: the detectors (over the files as listed, not redacted) / the architecture-impact
 *   extraction alone, each parsing what it needs (in the full analysis the two share each file's tree).
 * The last line of output is one JSON object with those figures, `analysis_parsed_kb`, `parseable_files`,
 * `parseable_kb` and `findings` (rule and secret findings of the analysis: the same for every build that
 * gives the same results).
 */
import { parse } from "@ast-grep/napi";
import { analyseReviewSources, extractImpactPerFile, type ReviewSource } from "../analysis/analyse-files.js";
import {
  ensureAstGrepLanguages,
  takeParsedChars,
  toAstGrepLanguage,
} from "../detectors/ast-grep-languages.js";
import { detectLanguage } from "../detectors/detect-language.js";
import { runDetectors } from "../detectors/run-detectors.js";
import { buildLineIndex, type FileLineIndex } from "../diff/line-index.js";
import { parsePatch } from "../diff/parse-patch.js";
import { buildDiffSides } from "../impact/diff-sides.js";
import { redactSecrets } from "../security/redact-secrets.js";
import { buildSyntheticPull } from "./synthetic-pull.js";

const files = Number(process.env.BENCH_FILES ?? 3_000);
const batchFiles = 50;

function toSources(seed: number): ReviewSource[] {
  return buildSyntheticPull({ count: files, seed }).map((file) => ({
    path: file.filename,
    patch: file.patch,
    analyse: true,
    impact: true,
  }));
}

async function analyseAll(sources: ReviewSource[]): Promise<number> {
  let findings = 0;
  for (let i = 0; i < sources.length; i += batchFiles) {
    const result = await analyseReviewSources(sources.slice(i, i + batchFiles));
    findings += result.analysis.ruleFindings.length + result.analysis.secretFindings.length;
  }
  return findings;
}

async function time<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

async function main(): Promise<void> {
  ensureAstGrepLanguages();
  for (const seed of [101, 102, 103]) await analyseAll(toSources(seed));
  const sources = toSources(42);

  takeParsedChars();
  const analysis = await time(() => analyseAll(sources));
  const analysisParsedChars = takeParsedChars();
  const patch = await time(() =>
    sources.map((source) => buildLineIndex(source.path, parsePatch(source.patch))),
  );
  const indexes: FileLineIndex[] = patch.value.filter((index) => index.hunks.length > 0);
  const texts: { language: NonNullable<ReturnType<typeof toAstGrepLanguage>>; text: string }[] = [];
  for (const source of sources) {
    const detected = detectLanguage(source.path);
    const language = detected && toAstGrepLanguage(detected);
    if (language) texts.push({ language, text: buildDiffSides(parsePatch(source.patch)).head.text });
  }
  const parsing = await time(() => {
    for (const { language, text } of texts) parse(language, text).root();
  });
  const secrets = await time(async () => {
    for (let i = 0; i < indexes.length; i += batchFiles)
      await redactSecrets(indexes.slice(i, i + batchFiles));
  });
  const detectors = await time(() => indexes.reduce((sum, index) => sum + runDetectors([index]).length, 0));
  const impact = await time(() =>
    extractImpactPerFile(sources.map((source) => ({ filename: source.path, patch: source.patch }))),
  );

  const allChars = texts.reduce((sum, { text }) => sum + text.length, 0);
  const result = {
    files,
    analysis_ms: analysis.ms,
    parse_ms: Math.round((parsing.ms * analysisParsedChars) / allChars),
    parse_all_ms: parsing.ms,
    patch_ms: patch.ms,
    secrets_ms: secrets.ms,
    detectors_ms: detectors.ms,
    impact_ms: impact.ms,
    analysis_parsed_kb: Math.round(analysisParsedChars / 1024),
    parseable_files: texts.length,
    parseable_kb: Math.round(allChars / 1024),
    findings: analysis.value,
  };
  console.log(
    `One thread, warmed: analysis ${result.analysis_ms} ms for ${files} files; of which parsing ~${result.parse_ms} ms ` +
      `(${result.analysis_parsed_kb} KB; all ${result.parseable_files} new sides, ${result.parseable_kb} KB: ` +
      `${result.parse_all_ms} ms), patches ${result.patch_ms} ms, ` +
      `secret scan ${result.secrets_ms} ms; detectors alone ${result.detectors_ms} ms and impact alone ` +
      `${result.impact_ms} ms (each with its own parsing)`,
  );
  console.log(JSON.stringify(result));
}

await main();
