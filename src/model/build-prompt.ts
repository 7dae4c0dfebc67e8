import type { TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { Hunk } from "../diff/parse-patch.js";
import type { Category, Finding } from "../findings/finding.js";
import { fenceUntrusted } from "../security/fence-untrusted.js";
import { sanitizeUntrustedText } from "../security/sanitize-untrusted-text.js";
import { renderFile } from "./render-diff.js";
import type { ReviewPrompt } from "./review-model.js";
import { buildInstructions, systemPrompt } from "./system-prompt.js";

export interface PromptFile {
  path: string;
  /** Already redacted of secrets and cleaned of invisible characters. */
  hunks: Hunk[];
}

export interface PromptParams {
  repository: string;
  pull: { title: string; body: string };
  files: PromptFile[];
  /** Rule-based findings on these files, for the model to confirm, explain or dismiss. */
  hints: Finding[];
  focus: Category[];
  /** The repository's trusted guidance (configuration on the default branch). */
  repoInstructions?: string | undefined;
  /** Trusted per-path guidance: `glob → text`, already matched to the files of this prompt. */
  pathInstructions?: { path: string; instructions: string[] }[];
  /** When this is one part of a larger review. */
  part?: { index: number; count: number };
  /** Repository context for these files, already rendered, sanitised and fenced (src/context/render-context.ts). */
  context?: string;
}

/**
 * Builds the prompt: the stable prefix (system prompt, focus and repository guidance) marked for the
 * prompt cache, then the untrusted pull-request text and hunks, each fenced as data.
 */
export function buildPrompt(params: PromptParams): ReviewPrompt {
  const instructions = buildInstructions({ focus: params.focus, repoInstructions: params.repoInstructions });
  const system: TextBlockParam[] = [{ type: "text", text: systemPrompt }];
  if (instructions) system.push({ type: "text", text: instructions });
  system[system.length - 1] = { ...system[system.length - 1]!, cache_control: { type: "ephemeral" } };

  const sections: string[] = [];
  const partNote =
    params.part && params.part.count > 1
      ? ` This is part ${params.part.index + 1} of ${params.part.count} of the diff; review only what you see.`
      : "";
  sections.push(`Review the server-side changes of a pull request in ${params.repository}.${partNote}`);
  sections.push(
    fenceUntrusted(
      "pull_request",
      `Title: ${sanitizeUntrustedText(params.pull.title, { maxLength: 300, singleLine: true })}\n\nDescription:\n${sanitizeUntrustedText(params.pull.body, { maxLength: 4000 }) || "(none)"}`,
    ),
  );
  if (params.hints.length > 0) {
    const hints = params.hints
      .map((h) => `- ${h.path}:${h.line} [${h.ruleId ?? "rule"}] ${h.title}`)
      .join("\n");
    sections.push(
      `Deterministic detectors flagged these lines. They are reported separately: confirm one by reporting a finding on the same line (add what the detector cannot know), and do not repeat a hint you consider a false positive.\n${fenceUntrusted("hints", hints)}`,
    );
  }
  for (const entry of params.pathInstructions ?? []) {
    if (entry.instructions.length === 0) continue;
    sections.push(
      `Maintainers' guidance for ${JSON.stringify(entry.path)}:\n${entry.instructions.join("\n")}`,
    );
  }
  if (params.context) sections.push(params.context);
  const diff = params.files
    .map((file) =>
      renderFile(sanitizeUntrustedText(file.path, { maxLength: 1000, singleLine: true }), file.hunks),
    )
    .join("\n");
  sections.push(
    `The diff, one <file> per changed file. Each shown line starts with its new-file line number, then "+" for an added line or a space for an unchanged one, then "|" and the code; deleted lines start with "-|" and have no number.\n${fenceUntrusted("diff", diff)}`,
  );
  return { system, user: sections.join("\n\n") };
}
