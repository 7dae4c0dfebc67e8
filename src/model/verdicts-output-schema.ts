import { z } from "zod";
import { severitySchema } from "../findings/finding.js";

/** One verdict as the verifier gives it (the `submit_verdicts` tool input). */
export const verdictSchema = z.object({
  id: z.string().regex(/^F\d{1,4}$/),
  verdict: z.enum(["keep", "withdraw"]),
  severity: severitySchema.optional(),
  reason: z.string().min(1).max(1_000),
});

export const verdictsOutputSchema = z.object({
  verdicts: z.array(verdictSchema).max(500),
});

export type Verdict = z.infer<typeof verdictSchema>;

export const verdictsToolName = "submit_verdicts";

/** The one tool of a second-look request; the request forces it with `tool_choice`. */
export const verdictsTool = {
  name: verdictsToolName,
  description:
    "Submit one verdict per finding (by its id F1, F2, …): keep or withdraw it, optionally a lower severity, and a one-line reason.",
  input_schema: toToolSchema(verdictsOutputSchema),
};

function toToolSchema(schema: z.ZodType): { type: "object"; [key: string]: unknown } {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  return { ...rest, type: "object" };
}

export class VerdictsOutputError extends Error {}

/**
 * Validates the verifier's answer as a whole: a malformed answer (wrong shape, an unknown verdict, an id
 * that is not `F<n>`) is rejected entirely, so that the caller keeps every finding of the batch rather
 * than act on half an answer.
 */
export function parseVerdicts(input: unknown): Verdict[] {
  const parsed = verdictsOutputSchema.safeParse(input);
  if (!parsed.success) {
    throw new VerdictsOutputError(
      `The verifier's answer does not have the expected shape ({ verdicts: [{ id, verdict, severity?, reason }] }): ${z.prettifyError(parsed.error).slice(0, 300)}`,
    );
  }
  return parsed.data.verdicts;
}
