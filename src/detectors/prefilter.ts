/** A prefilter that accepts a text when every pattern occurs in it. */
export function matchesAllPatterns(patterns: readonly RegExp[]): (text: string) => boolean {
  return (text) => patterns.every((pattern) => pattern.test(text));
}

/**
 * A prefilter for code where two things must meet in one expression that may span a few lines: accepts the
 * text when a line matching `anchor` has a line matching `companion` at most `distance` lines away.
 */
export function matchesNearby(
  anchor: RegExp,
  companion: RegExp,
  distance: number,
): (text: string) => boolean {
  return (text) => {
    if (!anchor.test(text) || !companion.test(text)) return false;
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!anchor.test(lines[i]!)) continue;
      const last = Math.min(lines.length - 1, i + distance);
      for (let j = Math.max(0, i - distance); j <= last; j++) if (companion.test(lines[j]!)) return true;
    }
    return false;
  };
}
