/** USD per million tokens. `cacheWrite` is the 5-minute cache write (1.25 × input). */
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

const sonnetClass: ModelPrice = { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 };
const opusClass: ModelPrice = { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 };
const haikuClass: ModelPrice = { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 };
/** Claude Opus 4 and 4.1, priced before Opus 4.5 lowered the class price. */
const opus41Class: ModelPrice = { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 };

/**
 * Published prices (Sonnet 4.x, Opus 4.5, Haiku 4.5, Opus 4/4.1). ASSUMPTION: the 5.x and later 4.x ids
 * are priced like their 4.5 class; no separate price was checked for them. Long-context (> 200k input)
 * surcharges and 1-hour cache writes are not modelled.
 */
export const modelPrices: Readonly<Record<string, ModelPrice>> = {
  "claude-sonnet-5-5": sonnetClass,
  "claude-sonnet-5": sonnetClass,
  "claude-sonnet-4-6": sonnetClass,
  "claude-sonnet-4-5": sonnetClass,
  "claude-sonnet-4-0": sonnetClass,
  "claude-sonnet-4": sonnetClass,
  "claude-opus-5-5": opusClass,
  "claude-opus-5": opusClass,
  "claude-opus-4-8": opusClass,
  "claude-opus-4-7": opusClass,
  "claude-opus-4-6": opusClass,
  "claude-opus-4-5": opusClass,
  "claude-opus-4-1": opus41Class,
  "claude-opus-4-0": opus41Class,
  "claude-opus-4": opus41Class,
  "claude-haiku-5-5": haikuClass,
  "claude-haiku-4-5": haikuClass,
};

/** Families by substring, for ids not in the table; the newest class price of each family. */
const familyPrices: readonly { family: string; price: ModelPrice }[] = [
  { family: "opus", price: opusClass },
  { family: "sonnet", price: sonnetClass },
  { family: "haiku", price: haikuClass },
];

/**
 * The price of `model`: its exact id, or the id without a date suffix (`-20251001`) or `-latest`, else its
 * family (opus/sonnet/haiku by substring); undefined for a model of no known family.
 */
export function getModelPrice(model: string): ModelPrice | undefined {
  const id = model.trim().toLowerCase();
  const exact = modelPrices[id] ?? modelPrices[id.replace(/-(\d{8}|latest)$/, "")];
  if (exact) return exact;
  return familyPrices.find(({ family }) => id.includes(family))?.price;
}

/** Token counts of one or more calls, as the API reports them (`input` excludes cached tokens). */
export interface TokenUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/**
 * Cost in USD of `usage` on `model`. A model of no known family is priced as Sonnet-class, so a cost
 * report is never empty; check {@link getModelPrice} first to say that the price is a guess.
 *
 * @example estimateCostUsd("claude-sonnet-5-5", { input: 1e6, output: 0, cacheRead: 0, cacheWrite: 0 }) // 3
 */
export function estimateCostUsd(model: string, usage: TokenUsage): number {
  const price = getModelPrice(model) ?? sonnetClass;
  return (
    (usage.input * price.input +
      usage.output * price.output +
      usage.cacheRead * price.cacheRead +
      usage.cacheWrite * price.cacheWrite) /
    1_000_000
  );
}
