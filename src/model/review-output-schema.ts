import { z } from "zod";
import { categorySchema, type Finding, severitySchema } from "../findings/finding.js";

/** One finding as the model reports it (snake_case, like the tool schema it is given). */
export const modelFindingSchema = z.object({
  path: z.string().min(1).max(1000),
  line: z.number().int().positive(),
  end_line: z.number().int().positive().optional(),
  severity: severitySchema,
  category: categorySchema,
  confidence: z.number().min(0).max(1),
  title: z.string().min(1).max(300),
  body: z.string().max(20_000),
  suggestion: z.string().max(20_000).optional(),
  evidence: z.string().max(2_000).optional(),
});

export const reviewOutputSchema = z.object({
  summary: z.string().max(10_000),
  findings: z.array(modelFindingSchema).max(200),
  impact_summary: z.string().max(1_000).optional(),
});

export type ModelFinding = z.infer<typeof modelFindingSchema>;

export const reviewToolName = "submit_review";

/** The tool the model must call; its input schema is the output contract. */
export const reviewTool = {
  name: reviewToolName,
  description:
    "Submit the review of the diff: a short summary and the list of findings (empty when there is nothing worth flagging).",
  input_schema: toToolSchema(reviewOutputSchema),
};

function toToolSchema(schema: z.ZodType): { type: "object"; [key: string]: unknown } {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  return { ...rest, type: "object" };
}

export interface RejectedFinding {
  index: number;
  reason: string;
  /** What could be read of it, to report rather than drop. */
  path?: string;
  line?: number;
  title?: string;
}

export interface ParsedReviewOutput {
  summary: string;
  /** One or two sentences on what the change does to the system (architecture impact); "" when not given. */
  impactSummary?: string;
  findings: Finding[];
  rejected: RejectedFinding[];
}

export class ModelOutputError extends Error {}

/**
 * Validates the model's answer. The answer as a whole must have the right shape; a single bad finding
 * is set aside with its reason (and reported) instead of sinking the others.
 */
export function parseReviewOutput(input: unknown): ParsedReviewOutput {
  const shape = z
    .object({
      summary: z.string().optional(),
      findings: z.array(z.unknown()),
      impact_summary: z.unknown().optional(),
    })
    .safeParse(input);
  if (!shape.success) {
    throw new ModelOutputError(
      `The model's answer does not have the expected shape ({ summary, findings: [...] }): ${z.prettifyError(shape.error).slice(0, 300)}`,
    );
  }
  const findings: Finding[] = [];
  const rejected: RejectedFinding[] = [];
  shape.data.findings.forEach((raw, index) => {
    const parsed = modelFindingSchema.safeParse(raw);
    if (parsed.success) {
      findings.push(toFinding(parsed.data));
      return;
    }
    const loose = z
      .object({ path: z.string().optional(), line: z.number().optional(), title: z.string().optional() })
      .safeParse(raw);
    rejected.push({
      index,
      reason: parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "finding"}: ${issue.message}`)
        .join("; "),
      ...(loose.success ? pickDefined(loose.data) : {}),
    });
  });
  // An impact summary of the wrong type is dropped, not fatal: it is an extra, the findings are the answer.
  const impact =
    typeof shape.data.impact_summary === "string" ? shape.data.impact_summary.trim().slice(0, 1_000) : "";
  return {
    summary: (shape.data.summary ?? "").slice(0, 10_000),
    findings,
    rejected,
    ...(impact ? { impactSummary: impact } : {}),
  };
}

function pickDefined(data: {
  path?: string | undefined;
  line?: number | undefined;
  title?: string | undefined;
}) {
  return {
    ...(data.path ? { path: data.path.slice(0, 300) } : {}),
    ...(data.line ? { line: data.line } : {}),
    ...(data.title ? { title: data.title.slice(0, 300) } : {}),
  };
}

function toFinding(f: ModelFinding): Finding {
  return {
    path: f.path,
    line: f.line,
    ...(f.end_line !== undefined && f.end_line > f.line ? { endLine: f.end_line } : {}),
    severity: f.severity,
    category: f.category,
    confidence: f.confidence,
    title: f.title,
    body: f.body,
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    ...(f.evidence !== undefined ? { evidence: f.evidence } : {}),
    source: "model",
  };
}
