import { compareGraphql, parseGraphql } from "./compare-graphql.js";
import { compareOpenApi, parseOpenApi } from "./compare-openapi.js";
import { compareProtobuf, parseProtobuf } from "./compare-protobuf.js";
import type { SpecComparison, SpecFormat } from "./contract-change.js";

export interface SpecTexts {
  format: SpecFormat;
  file: string;
  /** null: the file does not exist on that side (added or removed by the pull request). */
  baseText: string | null;
  headText: string | null;
}

/**
 * Parses and compares the two versions of one API description. Returns null when neither version is an
 * API description (a YAML file without `openapi:`/`swagger:`, a GraphQL file of queries only). Pure CPU
 * work on untrusted text: the review runs it in a worker ({@link compareSpecInWorker}) to bound its time
 * and memory.
 */
export async function compareSpecTexts(spec: SpecTexts): Promise<SpecComparison | null> {
  const { file, baseText, headText } = spec;
  if (spec.format === "openapi") {
    const sides = parseSides(baseText, headText, parseOpenApi);
    if (sides === null || !("base" in sides)) return sides;
    return compareOpenApi({ file, ...sides });
  }
  if (spec.format === "graphql") {
    const sides = parseSides(baseText, headText, parseGraphql);
    if (sides === null || !("base" in sides)) return sides;
    return compareGraphql({ file, ...sides });
  }
  const sides = parseSides(baseText, headText, parseProtobuf);
  if (sides === null || !("base" in sides)) return sides;
  return compareProtobuf({ file, ...sides });
}

type Parsed<T> = { ok: true; spec: T } | { ok: false; problem: string } | { ok: "not-api" };

/**
 * Parses both versions. A version that is not an API description (or absent) counts as empty; when
 * neither is one, the file is not compared (null). A version that does not parse is a problem.
 */
function parseSides<T>(
  baseText: string | null,
  headText: string | null,
  parse: (text: string) => Parsed<T>,
): { base: T | null; head: T | null } | { ok: false; problem: string } | null {
  const base = baseText === null ? null : parse(baseText);
  const head = headText === null ? null : parse(headText);
  if (head && head.ok === false)
    return { ok: false, problem: `the version in this pull request ${head.problem}` };
  if (base && base.ok === false)
    return { ok: false, problem: `the version on the base branch ${base.problem}` };
  const baseSpec = base && base.ok === true ? base.spec : null;
  const headSpec = head && head.ok === true ? head.spec : null;
  if (baseSpec === null && headSpec === null) return null;
  return { base: baseSpec, head: headSpec };
}
