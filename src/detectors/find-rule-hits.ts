import type { Rule, SgNode } from "@ast-grep/napi";
import { type ParsedLanguage, toHit, toParsedLanguage } from "./context-rules.js";
import type { DetectorHit, DetectorInput } from "./detector.js";

/**
 * Runs the rule of the input's language over its parsed tree. `keep` refines matches where a rule object
 * cannot say it (e.g. "no `limit` anywhere in this call chain").
 */
export function findRuleHits(
  input: DetectorInput,
  rules: Partial<Record<ParsedLanguage, Rule>>,
  keep?: (node: SgNode, language: ParsedLanguage) => boolean,
): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  if (!language) return [];
  const rule = rules[language];
  const root = input.getRoot();
  if (!rule || !root) return [];
  const nodes = input.findNodes(rule);
  return (keep ? nodes.filter((node) => keep(node, language)) : nodes).map((node) => toHit(node));
}
