import { readFile } from "node:fs/promises";
import { matchFindings, type PreviousFinding } from "../findings/finding-identity.js";
import type { ReconciledFinding } from "../review/reconcile-findings.js";
import { CliError } from "./cli-error.js";

const keyPattern = /^[0-9a-f]{16}$/;

/**
 * Reads a baseline: the SARIF log (`--format sarif`) or the JSON report (`--format json`) of an earlier
 * run. Each finding's identity keys are what a later run recognises it by (its title only breaks ties);
 * SARIF logs written before identity keys still match through their `backendArchitect/v1` fingerprint.
 */
export async function loadBaseline(path: string): Promise<PreviousFinding[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`Could not read the baseline ${path}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `The baseline ${path} is not JSON: give the SARIF (--format sarif) or JSON (--format json) output of an earlier run.`,
      { cause: error },
    );
  }
  const baseline = parseBaseline(data);
  if (baseline === null) {
    throw new CliError(
      `The baseline ${path} is neither a SARIF log (with "runs") nor a JSON report of backend-architect (with "findings").`,
    );
  }
  return baseline;
}

/** The findings of a SARIF log or JSON report; null when it is neither. */
export function parseBaseline(data: unknown): PreviousFinding[] | null {
  if (!isRecord(data)) return null;
  if (Array.isArray(data.runs)) {
    return data.runs.flatMap((run) =>
      isRecord(run) && Array.isArray(run.results) ? run.results.flatMap(fromSarifResult) : [],
    );
  }
  if (Array.isArray(data.findings)) return data.findings.flatMap(fromJsonFinding);
  return null;
}

function fromSarifResult(result: unknown): PreviousFinding[] {
  if (!isRecord(result)) return [];
  const properties = isRecord(result.properties) ? result.properties : {};
  const fingerprints = isRecord(result.partialFingerprints) ? Object.values(result.partialFingerprints) : [];
  const keys = toKeys([...toArray(properties.identityKeys), ...fingerprints]);
  const message =
    isRecord(result.message) && typeof result.message.text === "string" ? result.message.text : "";
  return keys.length > 0 ? [{ keys, title: message.split("\n")[0] }] : [];
}

function fromJsonFinding(finding: unknown): PreviousFinding[] {
  if (!isRecord(finding)) return [];
  const keys = toKeys([...toArray(finding.identityKeys), finding.fingerprint]);
  const title = typeof finding.title === "string" ? finding.title : undefined;
  return keys.length > 0 ? [{ keys, title }] : [];
}

/**
 * Leaves out the findings the baseline already has (each baseline entry accounts for one finding).
 *
 * @example filterBaseline(review.findings, await loadBaseline("baseline.sarif")) // { findings, inBaseline: 3 }
 */
export function filterBaseline<T extends ReconciledFinding>(
  findings: readonly T[],
  baseline: readonly PreviousFinding[],
): { findings: T[]; inBaseline: number } {
  const matches = matchFindings(
    findings.map((finding) => finding.identity),
    baseline,
  );
  const kept = findings.filter((_, i) => matches[i] === -1);
  return { findings: kept, inBaseline: findings.length - kept.length };
}

function toKeys(values: unknown[]): string[] {
  return [
    ...new Set(values.filter((v): v is string => typeof v === "string" && keyPattern.test(v.toLowerCase()))),
  ].map((v) => v.toLowerCase());
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
