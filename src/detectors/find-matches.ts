import type { Rule, SgNode } from "@ast-grep/napi";

/**
 * `root.findAll({ rule })`, fast. ast-grep compiles every `regex` of a rule on every call (~0.1 ms each), which
 * dominates the detectors' run time. So ast-grep runs the rule without its regexes and negations (a superset
 * of the matches, compiled quickly), and each candidate is checked against the full rule here, with regexes
 * compiled once. Same semantics as ast-grep for the rule features the detectors use: kind, regex, pattern,
 * nthChild, has/inside (field, stopBy neighbor|end), follows (stopBy neighbor|end|rule), any/all/not.
 */
export function findMatches(root: SgNode, rule: Rule): SgNode[] {
  const candidates = root.findAll({ rule: getCandidateRule(rule) });
  return candidates.filter((node) => matchesRule(node, rule));
}

/** True when `node` matches `rule` (evaluated in JavaScript). `position`: its 1-based named position, if known. */
export function matchesRule(node: SgNode, rule: Rule, position?: number): boolean {
  // The kinds the rule can match at all (from `kind` or every `any` branch's kind): the cheapest rejection.
  const kinds = getRootKindSet(rule);
  if (kinds && !kinds.has(getNodeKind(node))) return false;
  if (rule.nthChild !== undefined && (position ?? getNamedPosition(node)) !== rule.nthChild) return false;
  if (rule.regex !== undefined && !toRegExp(rule.regex).test(getNodeText(node))) return false;
  if (rule.pattern !== undefined && !node.matches(rule.pattern as string)) return false;
  // Cheap, local checks first; then walks up (short), then walks down a subtree, then negations.
  const deepHas = rule.has?.stopBy === "end";
  if (rule.has && !deepHas && !matchesHas(node, rule.has)) return false;
  if (rule.all && !rule.all.every((sub) => matchesRule(node, sub, position))) return false;
  if (rule.any && !rule.any.some((sub) => matchesRule(node, sub, position))) return false;
  if (rule.follows && !matchesFollows(node, rule.follows)) return false;
  if (rule.inside && !matchesInside(node, rule.inside)) return false;
  if (rule.has && deepHas && !matchesHas(node, rule.has)) return false;
  if (rule.not && matchesRule(node, rule.not, position)) return false;
  return true;
}

// Node objects are re-created by every napi call, but one object is often tested against many rule branches.
const kindCache = new WeakMap<SgNode, string>();
const textCache = new WeakMap<SgNode, string>();

function getNodeKind(node: SgNode): string {
  let kind = kindCache.get(node);
  if (kind === undefined) {
    kind = String(node.kind());
    kindCache.set(node, kind);
  }
  return kind;
}

function getNodeText(node: SgNode): string {
  let text = textCache.get(node);
  if (text === undefined) {
    text = node.text();
    textCache.set(node, text);
  }
  return text;
}

type Relation = NonNullable<Rule["has"]>;

function matchesHas(node: SgNode, relation: Relation): boolean {
  if (relation.field) {
    const child = (node as { field(name: string): SgNode | null }).field(relation.field);
    if (!child) return false;
    return relation.stopBy === "end"
      ? matchesSelfOrDescendant(child, relation)
      : matchesRule(child, relation);
  }
  const children = node.namedChildren();
  if (relation.stopBy === "end") return children.some((child) => matchesSelfOrDescendant(child, relation));
  return children.some((child, index) => matchesRule(child, relation, index + 1));
}

/** Small subtrees are walked here; large ones are searched by ast-grep, whose walk is native. */
function matchesSelfOrDescendant(node: SgNode, rule: Rule): boolean {
  const range = node.range();
  if (range.end.index - range.start.index > 400) {
    return findMatches(node, rule).length > 0;
  }
  return walkSelfOrDescendant(node, rule);
}

function walkSelfOrDescendant(node: SgNode, rule: Rule, position?: number): boolean {
  if (matchesRule(node, rule, position)) return true;
  return node.namedChildren().some((child, index) => walkSelfOrDescendant(child, rule, index + 1));
}

function matchesInside(node: SgNode, relation: Relation): boolean {
  let child = node;
  for (let parent = node.parent(); parent; parent = parent.parent()) {
    if (matchesRule(parent, relation) && (!relation.field || isFieldChild(parent, relation.field, child)))
      return true;
    if (relation.stopBy !== "end") return false;
    child = parent;
  }
  return false;
}

function isFieldChild(parent: SgNode, field: string, child: SgNode): boolean {
  const fieldNode = (parent as { field(name: string): SgNode | null }).field(field);
  return fieldNode !== null && fieldNode.id() === child.id();
}

function matchesFollows(node: SgNode, relation: Relation): boolean {
  for (const sibling of node.prevAll()) {
    if (matchesRule(sibling, relation)) return true;
    if (relation.stopBy === undefined || relation.stopBy === "neighbor") return false;
    if (typeof relation.stopBy === "object" && matchesRule(sibling, relation.stopBy)) return false;
  }
  return false;
}

function getNamedPosition(node: SgNode): number | undefined {
  const siblings = node.parent()?.namedChildren() ?? [];
  const id = node.id();
  const index = siblings.findIndex((sibling) => sibling.id() === id);
  return index === -1 ? undefined : index + 1;
}

const regexCache = new Map<string, RegExp>();

/** ast-grep regexes are Rust regexes; the detectors only use the subset JavaScript shares, plus a leading (?i). */
function toRegExp(source: string): RegExp {
  let regex = regexCache.get(source);
  if (!regex) {
    regex = source.startsWith("(?i)") ? new RegExp(source.slice(4), "i") : new RegExp(source);
    regexCache.set(source, regex);
  }
  return regex;
}

const candidateCache = new WeakMap<Rule, Rule>();

function getCandidateRule(rule: Rule): Rule {
  let candidate = candidateCache.get(rule);
  if (!candidate) {
    candidate = stripToStructure(rule) ?? rule;
    candidateCache.set(rule, candidate);
  }
  return candidate;
}

/**
 * The rule without regexes and negations: matches at least what the rule matches. Undefined when nothing
 * positive is left (a relation or `any` branch without a positive rule constrains nothing).
 */
function stripToStructure(rule: Rule): Rule | undefined {
  const out: Rule = {};
  if (rule.kind !== undefined) out.kind = rule.kind;
  if (rule.pattern !== undefined) out.pattern = rule.pattern;
  if (rule.nthChild !== undefined) out.nthChild = rule.nthChild;
  if (rule.any) {
    const branches = rule.any.map(stripToStructure);
    if (branches.every((branch) => branch !== undefined)) out.any = branches as Rule[];
  }
  if (rule.all) {
    const parts = rule.all.map(stripToStructure).filter((part): part is Rule => part !== undefined);
    if (parts.length > 0) out.all = parts;
  }
  for (const key of ["has", "inside", "follows"] as const) {
    const relation = rule[key];
    if (!relation) continue;
    const inner = stripToStructure(relation);
    if (!inner) continue;
    const stripped: Relation = { ...inner };
    if (relation.field !== undefined) stripped.field = relation.field;
    if (relation.stopBy === "end" || relation.stopBy === "neighbor") stripped.stopBy = relation.stopBy;
    else if (relation.stopBy !== undefined) stripped.stopBy = "end";
    out[key] = stripped;
  }
  const positive = out.kind ?? out.pattern ?? out.any ?? out.all ?? out.has ?? out.inside ?? out.follows;
  return positive === undefined ? undefined : out;
}

/** Finds rule matches in one parsed file, sharing one ast-grep query per node kind across all rules. */
export interface NodeFinder {
  find(rule: Rule): SgNode[];
}

/**
 * Each `findAll` call costs ast-grep a rule compilation and a tree walk; with a dozen detectors per file that
 * dominates. The finder fetches the nodes of the kinds a rule starts from once per file (all missing kinds in
 * one query) and checks each rule against them in JavaScript.
 */
export function createNodeFinder(root: SgNode): NodeFinder {
  const byKind = new Map<string, SgNode[]>();
  const fetchKinds = (kinds: string[]) => {
    const missing = kinds.filter((kind) => !byKind.has(kind));
    if (missing.length === 0) return;
    for (const kind of missing) byKind.set(kind, []);
    for (const node of root.findAll({ rule: { any: missing.map((kind) => ({ kind })) } })) {
      byKind.get(String(node.kind()))?.push(node);
    }
  };
  return {
    find(rule) {
      // A rule with relations (inside a loop, has an argument…) is selective in ast-grep's native walk; a
      // rule over node kinds alone is answered from the nodes fetched once per kind.
      const kinds = getRootKinds(rule);
      if (!kinds) return findMatches(root, rule);
      fetchKinds(kinds);
      return kinds.flatMap((kind) => byKind.get(kind) ?? []).filter((node) => matchesRule(node, rule));
    },
  };
}

const relationCache = new WeakMap<Rule, boolean>();

/** True when the rule (or every `any` branch) carries a structural relation that survives stripping. */
function hasRelation(rule: Rule): boolean {
  let cached = relationCache.get(rule);
  if (cached === undefined) {
    const stripped = stripToStructure(rule);
    cached = stripped !== undefined && containsRelation(stripped);
    relationCache.set(rule, cached);
  }
  return cached;
}

function containsRelation(rule: Rule): boolean {
  if (rule.inside || rule.has || rule.follows) return true;
  if (rule.any) return rule.any.every(containsRelation);
  return (rule.all ?? []).some(containsRelation);
}

const rootKindsCache = new WeakMap<Rule, string[] | null>();
const rootKindSetCache = new WeakMap<Rule, Set<string> | null>();

function getRootKindSet(rule: Rule): Set<string> | undefined {
  let set = rootKindSetCache.get(rule);
  if (set === undefined) {
    const kinds = getRootKinds(rule);
    set = kinds ? new Set(kinds) : null;
    rootKindSetCache.set(rule, set);
  }
  return set ?? undefined;
}

/** The kinds a rule's match can have, when the rule says (kind, or every `any` branch does). */
function getRootKinds(rule: Rule): string[] | undefined {
  const cached = rootKindsCache.get(rule);
  if (cached !== undefined) return cached ?? undefined;
  let kinds: string[] | undefined;
  if (rule.kind !== undefined) kinds = [String(rule.kind)];
  else if (rule.any) {
    const branches = rule.any.map(getRootKinds);
    if (branches.every((branch) => branch !== undefined)) kinds = [...new Set(branches.flat() as string[])];
  } else if (rule.all) {
    kinds = rule.all.map(getRootKinds).find((part) => part !== undefined);
  }
  rootKindsCache.set(rule, kinds ?? null);
  return kinds;
}
