import { Lang, parse, type Rule, type SgNode } from "@ast-grep/napi";

/**
 * `root.findAll({ rule })`, fast. ast-grep compiles every `regex` of a rule on every call (~0.1 ms each), which
 * dominates the detectors' run time. So ast-grep runs the rule without its regexes and negations (a superset
 * of the matches, compiled quickly), and each candidate is checked against the full rule here, with regexes
 * compiled once. Same semantics as ast-grep for the rule features the detectors use: kind, regex, pattern,
 * nthChild, has/inside (field, stopBy neighbor|end), follows (stopBy neighbor|end|rule), any/all/not.
 */
export function findMatches(root: SgNode, rule: Rule): SgNode[] {
  const candidates = root.findAll({ rule: getCandidateRule(rule) });
  const matches: SgNode[] = [];
  for (const candidate of candidates) {
    const node = canon(candidate);
    if (matchesRule(node, rule)) matches.push(node);
  }
  return matches;
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

/**
 * Node objects are re-created by every napi call (a few microseconds each), but one node is tested against many
 * rule branches and many rules. While a tree is in scope (`beginTreeScope`), every node this module gets from
 * ast-grep is replaced by the first object seen for the same `id()` (unique within one tree), so the per-object
 * caches below (kind, text, fields, parent, children) serve every later visit of that node.
 */
let scope: Map<number, SgNode> | undefined;

/** Starts caching nodes of one parsed tree; every node passed in until `endTreeScope` must be of that tree. */
export function beginTreeScope(): void {
  keepShapesAlive();
  scope = new Map();
}

export function endTreeScope(): void {
  scope = undefined;
}

/**
 * A node of a tiny tree with its facts, a range and a node finder, held for the life of the thread. V8 keeps
 * the hidden class of an object shape only while some object has it, and drops the optimised code of every
 * function that saw a shape once a full collection finds none left. The nodes of a review all die between
 * files, and the analysis threads run a full collection every million parsed characters: before these
 * anchors, each 3,000-file review lost the optimised code of about 50 functions (`getFacts`, `matchesRule`,
 * `fetchKinds`, the route finders' `lineOf`…) and compiled them again.
 */
let shapeAnchors: unknown[] | undefined;

function keepShapesAlive(): void {
  if (shapeAnchors) return;
  // ast-grep's own `parse`, not `parseSource`: this tree is no file's, and must not count as parsed text.
  const node = parse(Lang.JavaScript, "a(b);").root();
  const range = node.range();
  getNodeKind(node);
  shapeAnchors = [node, range, range.start, createNodeFinder(node)];
}

function canon(node: SgNode): SgNode {
  if (!scope) return node;
  const id = node.id();
  const known = scope.get(id);
  if (known) return known;
  scope.set(id, node);
  return node;
}

function canonOrNull(node: SgNode | null): SgNode | null {
  return node ? canon(node) : null;
}

/**
 * What this module learned about one node object (a plain property: cheaper for the GC than WeakMaps). A class
 * with every field set by its constructor, so that all facts share one shape whatever the order in which they
 * are learned (see `keepShapesAlive`).
 */
class NodeFacts {
  kind: string | undefined = undefined;
  text: string | undefined = undefined;
  size: number | undefined = undefined;
  span: { start: number; end: number } | undefined = undefined;
  fields: Map<string, SgNode | null> | undefined = undefined;
  parent: SgNode | null | undefined = undefined;
  namedChildren: SgNode[] | undefined = undefined;
  /** `inside … stopBy: end` answers, per relation. */
  inside: Map<Relation, boolean> | undefined = undefined;
}

const factsKey = Symbol("nodeFacts");

function getFacts(node: SgNode): NodeFacts {
  const holder = node as unknown as { [factsKey]?: NodeFacts };
  let facts = holder[factsKey];
  if (!facts) {
    facts = new NodeFacts();
    holder[factsKey] = facts;
  }
  return facts;
}

/** `node.field(name)`, cached. */
export function getField(node: SgNode, name: string): SgNode | null {
  const facts = getFacts(node);
  facts.fields ??= new Map();
  let child = facts.fields.get(name);
  if (child === undefined) {
    child = canonOrNull((node as { field(name: string): SgNode | null }).field(name));
    facts.fields.set(name, child);
  }
  return child;
}

/** `node.parent()`, cached. */
export function getParent(node: SgNode): SgNode | null {
  const facts = getFacts(node);
  if (facts.parent === undefined) facts.parent = canonOrNull(node.parent());
  return facts.parent;
}

function getNamedChildren(node: SgNode): SgNode[] {
  const facts = getFacts(node);
  if (!facts.namedChildren) {
    facts.namedChildren = node.namedChildren().map(canon);
    if (scope) {
      for (const child of facts.namedChildren) {
        const childFacts = getFacts(child);
        if (childFacts.parent === undefined) childFacts.parent = node;
      }
    }
  }
  return facts.namedChildren;
}

function getSize(node: SgNode): number {
  const facts = getFacts(node);
  if (facts.size === undefined) {
    if (facts.text !== undefined) facts.size = facts.text.length;
    else {
      const span = getSpan(node);
      facts.size = span.end - span.start;
    }
  }
  return facts.size;
}

function getSpan(node: SgNode): { start: number; end: number } {
  const facts = getFacts(node);
  if (!facts.span) {
    const range = node.range();
    facts.span = { start: range.start.index, end: range.end.index };
  }
  return facts.span;
}

/** `String(node.kind())`, cached. */
export function getNodeKind(node: SgNode): string {
  const facts = getFacts(node);
  facts.kind ??= String(node.kind());
  return facts.kind;
}

/** `node.text()`, cached. */
export function getNodeText(node: SgNode): string {
  const facts = getFacts(node);
  facts.text ??= node.text();
  return facts.text;
}

type Relation = NonNullable<Rule["has"]>;

function matchesHas(node: SgNode, relation: Relation): boolean {
  if (relation.field) {
    const child = getField(node, relation.field);
    if (!child) return false;
    return relation.stopBy === "end"
      ? matchesSelfOrDescendant(child, relation)
      : matchesRule(child, relation);
  }
  const children = getNamedChildren(node);
  if (relation.stopBy === "end") return children.some((child) => matchesSelfOrDescendant(child, relation));
  return children.some((child, index) => matchesRule(child, relation, index + 1));
}

/** Small subtrees are walked here; large ones are searched by ast-grep, whose walk is native. */
function matchesSelfOrDescendant(node: SgNode, rule: Rule): boolean {
  if (getSize(node) > 400) {
    return findMatches(node, rule).length > 0;
  }
  return walkSelfOrDescendant(node, rule);
}

function walkSelfOrDescendant(node: SgNode, rule: Rule, position?: number): boolean {
  if (matchesRule(node, rule, position)) return true;
  return getNamedChildren(node).some((child, index) => walkSelfOrDescendant(child, rule, index + 1));
}

function matchesInside(node: SgNode, relation: Relation): boolean {
  if (relation.stopBy === "end") return matchesInsideAnywhere(node, relation);
  // Without `stopBy: end`, only the parent counts.
  const parent = getParent(node);
  if (!parent || !matchesRule(parent, relation)) return false;
  return !relation.field || isFieldChild(parent, relation.field, node);
}

/**
 * `inside` with `stopBy: end`: an ancestor matches (and, with `field`, the path to the node goes through that
 * field). Memoised per node, since every candidate of a function or loop body shares the same ancestors:
 * the answer for a node is its parent's own test, else the parent's answer.
 */
function matchesInsideAnywhere(node: SgNode, relation: Relation): boolean {
  const pending: NodeFacts[] = [];
  let result = false;
  for (let current = node; ; ) {
    const facts = getFacts(current);
    const known = facts.inside?.get(relation);
    if (known !== undefined) {
      result = known;
      break;
    }
    pending.push(facts);
    const parent = getParent(current);
    if (!parent) break;
    if (matchesRule(parent, relation) && (!relation.field || isFieldChild(parent, relation.field, current))) {
      result = true;
      break;
    }
    current = parent;
  }
  for (const facts of pending) {
    facts.inside ??= new Map();
    facts.inside.set(relation, result);
  }
  return result;
}

function isFieldChild(parent: SgNode, field: string, child: SgNode): boolean {
  const fieldNode = getField(parent, field);
  if (fieldNode === null) return false;
  return fieldNode === child || fieldNode.id() === child.id();
}

function matchesFollows(node: SgNode, relation: Relation): boolean {
  for (const sibling of node.prevAll().map(canon)) {
    if (matchesRule(sibling, relation)) return true;
    if (relation.stopBy === undefined || relation.stopBy === "neighbor") return false;
    if (typeof relation.stopBy === "object" && matchesRule(sibling, relation.stopBy)) return false;
  }
  return false;
}

function getNamedPosition(node: SgNode): number | undefined {
  const parent = getParent(node);
  const siblings = parent ? getNamedChildren(parent) : [];
  let index = siblings.indexOf(node);
  if (index === -1) {
    const id = node.id();
    index = siblings.findIndex((sibling) => sibling.id() === id);
  }
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
export function createNodeFinder(root: SgNode, language?: string): NodeFinder {
  return new KindIndexedFinder(root, language);
}

// A class, not a closure per file: V8 keeps the optimised code of a closure only while one of its instances
// lives, so per-file closures were compiled again after every full collection.
class KindIndexedFinder implements NodeFinder {
  private readonly byKind = new Map<string, SgNode[]>();
  /** The kinds rules asked for in earlier files of this language: fetched together in one walk. */
  private readonly learned: Set<string> | undefined;

  constructor(
    private readonly root: SgNode,
    language: string | undefined,
  ) {
    if (language !== undefined) {
      let learned = learnedKinds.get(language);
      if (!learned) {
        learned = new Set();
        learnedKinds.set(language, learned);
      }
      this.learned = learned;
    }
  }

  find(rule: Rule): SgNode[] {
    // A rule with relations (inside a loop, has an argument…) is selective in ast-grep's native walk; a
    // rule over node kinds alone is answered from the nodes fetched once per kind.
    const kinds = hasRelation(rule) ? undefined : getRootKinds(rule);
    if (kinds) {
      this.fetchKinds(kinds);
      return kinds.flatMap((kind) => this.byKind.get(kind) ?? []).filter((node) => matchesRule(node, rule));
    }
    const anchors = anchorFirstRules.has(rule) ? getInsideAnchors(rule) : undefined;
    if (!anchors) return findMatches(this.root, rule);
    // Every match lies inside an anchor (a loop body, a handler…): find the anchors first, from the nodes
    // fetched by kind, and search only their subtrees. A file without loops costs no search at all.
    const regions: SgNode[] = [];
    for (const anchor of anchors) {
      const anchorKinds = getRootKinds(anchor) ?? [];
      this.fetchKinds(anchorKinds);
      for (const kind of anchorKinds) {
        for (const node of this.byKind.get(kind) ?? []) {
          if (!matchesRule(node, anchor)) continue;
          const region = anchor.field ? getField(node, anchor.field) : node;
          if (region) regions.push(region);
        }
      }
    }
    return searchRegions(regions, rule);
  }

  private fetchKinds(kinds: string[]): void {
    const { byKind, learned } = this;
    if (kinds.every((kind) => byKind.has(kind))) return;
    if (learned) for (const kind of kinds) learned.add(kind);
    const missing = (learned ? [...learned] : kinds).filter((kind) => !byKind.has(kind));
    if (missing.length === 0) return;
    for (const kind of missing) byKind.set(kind, []);
    for (const found of this.root.findAll({ rule: { any: missing.map((kind) => ({ kind })) } })) {
      const node = canon(found);
      byKind.get(getNodeKind(node))?.push(node);
    }
  }
}

const anchorFirstRules = new WeakSet<Rule>();

/**
 * Marks a rule whose matches all lie inside rare, cheaply found ancestors (loop bodies, per-item callbacks):
 * the finder then finds those ancestors first and searches only their subtrees, instead of testing every
 * node of the file for an enclosing loop. Not worth it for common ancestors (every function, a handler).
 */
export function anchorFirst(rule: Rule): Rule {
  anchorFirstRules.add(rule);
  return rule;
}

/** Matches of `rule` in the given subtrees, each node once (a subtree inside another is not searched again). */
function searchRegions(regions: SgNode[], rule: Rule): SgNode[] {
  if (regions.length === 0) return [];
  const spans = regions.map((node) => ({ node, ...getSpan(node) }));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const matches: SgNode[] = [];
  const seen = new Set<number>();
  let maxEnd = -1;
  let maxStart = -1;
  for (const span of spans) {
    // Strictly inside a searched subtree: already covered (equal spans are searched; duplicates are dropped).
    if (span.end <= maxEnd && (span.start > maxStart || span.end < maxEnd)) continue;
    if (span.end > maxEnd) {
      maxEnd = span.end;
      maxStart = span.start;
    }
    for (const match of findMatches(span.node, rule)) {
      const id = match.id();
      if (seen.has(id)) continue;
      seen.add(id);
      matches.push(match);
    }
  }
  return matches;
}

const anchorsCache = new WeakMap<Rule, Relation[] | null>();

/**
 * `inside` relations of which every match of `rule` satisfies at least one (with the kinds their ancestor can
 * have), or undefined when the rule does not say.
 */
function getInsideAnchors(rule: Rule): Relation[] | undefined {
  const cached = anchorsCache.get(rule);
  if (cached !== undefined) return cached ?? undefined;
  let anchors: Relation[] | undefined;
  if (rule.inside && getRootKinds(rule.inside)) anchors = [rule.inside];
  else if (rule.any) {
    const lists = rule.any.map(getInsideAnchors);
    if (lists.every((list) => list !== undefined)) anchors = lists.flat() as Relation[];
  }
  if (!anchors && rule.all) {
    for (const part of rule.all) {
      anchors = getInsideAnchors(part);
      if (anchors) break;
    }
  }
  anchorsCache.set(rule, anchors ?? null);
  return anchors;
}

const learnedKinds = new Map<string, Set<string>>();

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
    const kinds = hasRelation(rule) ? undefined : getRootKinds(rule);
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
