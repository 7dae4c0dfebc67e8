import { encodeCodeSpan, encodeInlineText, encodeTableCell } from "../security/encode-markdown.js";
import { type ArchitectureImpact, type DataChange, isEmptyImpact } from "./architecture-impact.js";
import { buildImpactDiagram } from "./build-impact-diagram.js";

export interface RenderImpactOptions {
  /** The model's one or two sentences on what the change does to the system (untrusted). */
  summary?: string | undefined;
  /** Include the Mermaid flowchart. */
  diagram?: boolean;
  /** Items per list before "… and N more". */
  maxItems?: number;
  /** Cap on the section's length in characters; past it, lists are shortened and the diagram dropped. */
  maxLength?: number;
}

function where(path: string, line: number): string {
  return encodeCodeSpan(`${path}:${line}`, { maxLength: 200 });
}

function capped<T>(items: readonly T[], max: number, render: (item: T) => string): string[] {
  const out = items.slice(0, max).map(render);
  if (items.length > max) out.push(`- … and ${items.length - max} more`);
  return out;
}

const actionWords: Record<DataChange["action"], string> = {
  created: "created",
  altered: "altered",
  dropped: "dropped",
};

function describeDataChange(change: DataChange): string {
  const name = change.kind === "table" || !change.table ? change.name : `${change.table}.${change.name}`;
  return `- ${actionWords[change.action]} ${change.kind} ${encodeCodeSpan(name, { maxLength: 120 })} — ${where(change.path, change.line)} (${encodeInlineText(change.tool)})`;
}

/**
 * The "Architecture impact" section of the review body, or null when the change touches nothing it
 * reports. Every name comes from the pull request and is encoded for its context (table cell, code span,
 * inline text, Mermaid label); the section stays under `maxLength` characters.
 */
export function renderImpactSection(
  impact: ArchitectureImpact,
  options: RenderImpactOptions = {},
): string | null {
  if (isEmptyImpact(impact)) return null;
  const maxLength = options.maxLength ?? 20_000;
  for (const maxItems of [options.maxItems ?? 25, 10, 5, 2]) {
    for (const diagram of options.diagram === false ? [false] : [true, false]) {
      const text = renderWith(impact, { ...options, maxItems, diagram });
      if (text.length <= maxLength) return text;
    }
  }
  return renderWith(impact, { ...options, maxItems: 0, diagram: false }).slice(0, maxLength);
}

function renderWith(
  impact: ArchitectureImpact,
  options: RenderImpactOptions & { maxItems: number; diagram: boolean },
): string {
  const max = options.maxItems;
  const parts: string[] = ["#### Architecture impact"];
  const summary = options.summary?.trim();
  if (summary) parts.push(encodeInlineText(summary, { maxLength: 600 }));

  if (impact.endpoints.length > 0) {
    const rows = impact.endpoints
      .slice(0, Math.max(max, 1) * 2)
      .map(
        (e) =>
          `| ${e.change} | ${encodeTableCell(e.method, { maxLength: 20 })} | ${encodeCodeSpan(e.route, { maxLength: 150 }).replace(/\|/g, "\\|")} | ${where(e.path, e.line).replace(/\|/g, "\\|")} | ${encodeTableCell(e.framework)} | ${e.authGuard === "visible" ? "visible" : "⚠️ not visible"} |`,
      );
    const more = impact.endpoints.length - rows.length;
    parts.push(
      [
        `**Endpoints** (${impact.endpoints.length})`,
        "",
        "| Change | Method | Route | Where | Framework | Auth guard |",
        "| --- | --- | --- | --- | --- | --- |",
        ...rows,
        ...(more > 0 ? [`| … | | ${more} more | | | |`] : []),
      ].join("\n"),
    );
  }
  if (impact.dataChanges.length > 0) {
    parts.push(
      [
        `**Data changes** (${impact.dataChanges.length})`,
        ...capped(impact.dataChanges, max, describeDataChange),
      ].join("\n"),
    );
  }
  if (impact.queries.length > 0) {
    parts.push(
      [
        `**New queries** (${impact.queries.length})`,
        ...capped(
          impact.queries,
          max,
          (q) =>
            `- ${q.operation} on ${encodeCodeSpan(q.table, { maxLength: 120 })} — ${where(q.path, q.line)}`,
        ),
      ].join("\n"),
    );
  }
  if (impact.outbound.length > 0) {
    const kindWords = { http: "HTTP", queue: "messaging", cache: "cache" } as const;
    parts.push(
      [
        `**New outbound dependencies** (${impact.outbound.length})`,
        ...capped(
          impact.outbound,
          max,
          (o) =>
            `- ${kindWords[o.kind]} ${encodeInlineText(o.detail)} ${encodeCodeSpan(o.name, { maxLength: 150 })} — ${where(o.path, o.line)}`,
        ),
      ].join("\n"),
    );
  }
  if (impact.configKeys.length > 0) {
    parts.push(
      [
        `**New configuration** (${impact.configKeys.length})`,
        ...capped(
          impact.configKeys,
          max,
          (c) => `- ${c.source} ${encodeCodeSpan(c.name, { maxLength: 120 })} — ${where(c.path, c.line)}`,
        ),
      ].join("\n"),
    );
  }
  if (impact.dependencies.length > 0) {
    parts.push(
      [
        `**New dependencies** (${impact.dependencies.length})`,
        ...capped(
          impact.dependencies,
          max,
          (d) =>
            `- ${encodeCodeSpan(d.name, { maxLength: 150 })}${d.version ? ` ${encodeCodeSpan(d.version, { maxLength: 60 })}` : ""} — ${where(d.path, d.line)}`,
        ),
      ].join("\n"),
    );
  }
  if (impact.apiAdditions.length > 0) {
    parts.push(
      [
        `**API additions (non-breaking)** (${impact.apiAdditions.length})`,
        ...capped(
          impact.apiAdditions,
          max,
          (a) =>
            `- ${encodeInlineText(a.description, { maxLength: 300 })}${a.path ? ` — ${where(a.path, a.line ?? 1)}` : ""}`,
        ),
      ].join("\n"),
    );
  }
  if (options.diagram) {
    const diagram = buildImpactDiagram(impact);
    if (diagram) parts.push(`\`\`\`mermaid\n${diagram}\n\`\`\``);
  }
  return parts.join("\n\n");
}
