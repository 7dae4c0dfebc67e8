import { encodeMermaidLabel } from "../security/encode-markdown.js";
import type { ArchitectureImpact } from "./architecture-impact.js";

export interface DiagramLimits {
  endpoints: number;
  services: number;
  stores: number;
  outbound: number;
}

const defaultLimits: DiagramLimits = { endpoints: 8, services: 6, stores: 8, outbound: 8 };

type Group = "endpoint" | "service" | "store" | "outbound";

interface Node {
  id: string;
  label: string;
  group: Group;
}

const shapes: Record<Group, (id: string, label: string) => string> = {
  endpoint: (id, label) => `${id}["${label}"]`,
  service: (id, label) => `${id}[["${label}"]]`,
  store: (id, label) => `${id}[("${label}")]`,
  outbound: (id, label) => `${id}{{"${label}"}}`,
};

const prefixes: Record<Group, string> = { endpoint: "E", service: "S", store: "D", outbound: "O" };
const groupWords: Record<Group, string> = {
  endpoint: "endpoints",
  service: "files",
  store: "tables",
  outbound: "outbound systems",
};

/** `src/routes/orders.js` → `routes/orders.js`: the last two segments are what tells files apart. */
function shortPath(path: string): string {
  const parts = path.split("/");
  return parts.slice(-2).join("/");
}

/**
 * A Mermaid `flowchart` of the touched parts: client → endpoints → the files that hold them → the tables and
 * outbound systems those files use. At most `limits` nodes of each kind; the rest of a kind are merged into
 * one "N more …" node that keeps their edges. Every label is encoded (`encodeMermaidLabel`) inside quotes
 * and every id is generated, so no name from the pull request can break the diagram or the Markdown around
 * it. Null when there is nothing to connect.
 */
export function buildImpactDiagram(
  impact: ArchitectureImpact,
  limits: DiagramLimits = defaultLimits,
): string | null {
  const nodes = new Map<string, Node>();
  const counts: Record<Group, number> = { endpoint: 0, service: 0, store: 0, outbound: 0 };
  const overflow: Record<Group, Set<string>> = {
    endpoint: new Set(),
    service: new Set(),
    store: new Set(),
    outbound: new Set(),
  };
  const edges = new Set<string>();

  // Returns the id of the node for `key`, or of its group's "more" node once the group is full.
  const node = (group: Group, key: string, label: string): string => {
    const known = nodes.get(`${group}:${key}`);
    if (known) return known.id;
    const limit =
      limits[
        group === "endpoint"
          ? "endpoints"
          : group === "service"
            ? "services"
            : group === "store"
              ? "stores"
              : "outbound"
      ];
    if (counts[group] >= limit) {
      overflow[group].add(key);
      return `${prefixes[group]}more`;
    }
    counts[group] += 1;
    const id = `${prefixes[group]}${counts[group]}`;
    nodes.set(`${group}:${key}`, { id, label: encodeMermaidLabel(label, { maxLength: 60 }), group });
    return id;
  };
  const edge = (from: string, to: string) => {
    if (from !== to) edges.add(`${from} --> ${to}`);
  };

  const live = impact.endpoints.filter((e) => e.change !== "removed");
  for (const endpoint of live) {
    const e = node(
      "endpoint",
      `${endpoint.method} ${endpoint.route} ${endpoint.path}`,
      `${endpoint.method} ${endpoint.route}`,
    );
    edge("client", e);
    edge(e, node("service", endpoint.path, shortPath(endpoint.path)));
  }
  for (const query of impact.queries) {
    edge(node("service", query.path, shortPath(query.path)), node("store", query.table, query.table));
  }
  for (const change of impact.dataChanges) {
    const table = change.kind === "table" ? change.name.split(" → ").pop()! : change.table;
    if (!table) continue;
    edge(node("service", change.path, shortPath(change.path)), node("store", table, table));
  }
  for (const dep of impact.outbound) {
    const label =
      dep.kind === "http"
        ? dep.detail === "host"
          ? dep.name
          : `HTTP: ${dep.name}`
        : `${dep.detail}: ${dep.name}`;
    edge(node("service", dep.path, shortPath(dep.path)), node("outbound", `${dep.kind}:${dep.name}`, label));
  }
  if (edges.size === 0) return null;

  const lines = ["flowchart LR"];
  if (live.length > 0) lines.push(`  client(["Client"])`);
  for (const n of nodes.values()) lines.push(`  ${shapes[n.group](n.id, n.label)}`);
  for (const group of Object.keys(overflow) as Group[]) {
    const extra = overflow[group].size;
    if (extra > 0)
      lines.push(`  ${shapes[group](`${prefixes[group]}more`, `${extra} more ${groupWords[group]}`)}`);
  }
  for (const e of edges) lines.push(`  ${e}`);
  return lines.join("\n");
}
