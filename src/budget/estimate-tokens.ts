/**
 * A fast local estimate of how many tokens Claude's tokenizer makes of `text`, without a network call.
 *
 * Plain prose runs at ~3.5 characters a token, but code does not: punctuation and operators are often a
 * token each, indentation runs are cheap, identifiers split every few characters and non-ASCII text costs
 * about a token a character. So the text is read once, character by character (O(n), no allocation), as:
 * - a run of letters/digits/`_`: one token per started 4 characters (long identifiers split);
 * - one ASCII punctuation character: 0.75 of a token (common pairs like `()`, `=>`, `//` merge);
 * - a single space before a word: free (the tokenizer folds it into the word);
 * - a newline: 1 token; a longer run of spaces or tabs: one token per started 8 characters;
 * - a non-ASCII UTF-16 code unit: 1 token (CJK, emoji halves, accented letters split words).
 * It errs slightly high on code, which is the safe side for a budget; calibrate it against the API's
 * `usage.input_tokens` with {@link createTokenCalibrator}.
 *
 * Invariant: 0 for "" and ≥ 1 for any non-empty text.
 *
 * @example estimateTokens("const x = 1;") // ≈ 6
 */
export function estimateTokens(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  // Counted in quarter tokens, so the hot loop adds small integers only.
  let quarters = 0;
  let wordRun = 0;
  let spaceRun = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? asciiKinds[code]! : nonAscii;
    if (kind === word) {
      if (spaceRun !== 0) {
        if (spaceRun !== 1) quarters += ((spaceRun + 7) >> 3) << 2;
        spaceRun = 0;
      }
      wordRun++;
      continue;
    }
    if (wordRun !== 0) {
      quarters += ((wordRun + 3) >> 2) << 2;
      wordRun = 0;
    }
    if (kind === space) {
      spaceRun++;
      continue;
    }
    if (spaceRun !== 0) {
      // A run of spaces that does not lead into a word: a single space is still usually merged.
      if (spaceRun !== 1) quarters += ((spaceRun + 7) >> 3) << 2;
      spaceRun = 0;
    }
    quarters += kindQuarters[kind]!;
  }
  if (wordRun !== 0) quarters += ((wordRun + 3) >> 2) << 2;
  if (spaceRun > 1) quarters += ((spaceRun + 7) >> 3) << 2;
  return Math.max(1, Math.ceil(quarters / 4));
}

// Character kinds, looked up by table: the loop runs over every character of every prompt.
const word = 0;
const space = 1;
const newline = 2;
const punctuation = 3;
const carriageReturn = 4;
const nonAscii = 5;
/** Quarter tokens per character of each kind (words and spaces are counted by run instead). */
const kindQuarters = [0, 0, 4, 3, 1, 4];
const asciiKinds = new Uint8Array(128).fill(punctuation);
for (let code = 0; code < 128; code++) {
  const isLetterOrDigit =
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  if (isLetterOrDigit) asciiKinds[code] = word;
}
asciiKinds[32] = space;
asciiKinds[9] = space;
asciiKinds[10] = newline;
asciiKinds[13] = carriageReturn;

/** Learns how far {@link estimateTokens} is off for this workload. */
export interface TokenCalibrator {
  /** Records one observation: what was estimated for a request and what the API counted. */
  record(estimated: number, actual: number): void;
  /** The factor to multiply estimates with: an exponential moving average of actual/estimated, in [0.5, 2]. */
  getFactor(): number;
}

export interface TokenCalibratorOptions {
  /** Weight of the newest observation in the moving average (0 < alpha ≤ 1). Default 0.2. */
  alpha?: number;
}

const minFactor = 0.5;
const maxFactor = 2;

/**
 * Creates a calibrator for token estimates. The factor starts at 1; the first observation sets it, later
 * ones move it by `alpha`. Observations that are not positive finite numbers are ignored, so a failed
 * request (no usage) cannot poison it.
 *
 * @example
 * const calibrator = createTokenCalibrator();
 * calibrator.record(estimateTokens(prompt), response.usage.input_tokens);
 * const budgetInEstimatedTokens = realBudget / calibrator.getFactor();
 */
export function createTokenCalibrator(options: TokenCalibratorOptions = {}): TokenCalibrator {
  const alpha = options.alpha ?? 0.2;
  if (!(alpha > 0 && alpha <= 1)) {
    throw new RangeError(`Token calibrator alpha must be in (0, 1], received ${alpha}`);
  }
  let factor = 1;
  let observed = false;
  return {
    record(estimated, actual) {
      if (!(Number.isFinite(estimated) && Number.isFinite(actual) && estimated > 0 && actual > 0)) return;
      const ratio = clamp(actual / estimated, minFactor, maxFactor);
      factor = observed ? clamp(factor + alpha * (ratio - factor), minFactor, maxFactor) : ratio;
      observed = true;
    },
    getFactor() {
      return factor;
    },
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
