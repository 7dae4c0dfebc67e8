/**
 * Characters that render as nothing (or reorder what is around them) and so let a text say one thing
 * to a human and another to a model or compiler: zero-width and joiner characters, bidirectional
 * embeddings/overrides/isolates (Trojan Source, CVE-2021-42574), word joiners and invisible operators,
 * the byte-order mark, the soft hyphen, Unicode tag characters (which can spell ASCII invisibly),
 * interlinear annotation marks, the Mongolian vowel separator, and C0/C1 control characters other than
 * tab and line feed (terminal escape sequences, NUL, stray carriage returns).
 *
 * Global and unicode-aware: use it with `String.prototype.replace`/`replaceAll` only (never `.test`,
 * whose `lastIndex` state a shared global regex would carry between calls).
 */
export const invisibleCharacterPattern =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
