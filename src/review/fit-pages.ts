/**
 * Splits a list into pages that each fit `maxChars` (GitHub counts characters for comment and review
 * bodies): the first page is `head` + as many items as fit + `tail` (the tail — footer and hidden marker —
 * stays last, where the marker is read); each further page is `continuedHeading(page, pages)` + items.
 * No item is dropped: one that is alone too long for a page is cut (its start is still named).
 * When items moved on, `movedNote(count)` is added to the first page's list so that the reader knows
 * where they are.
 *
 * @example buildPages({ head: "# R", items, tail: "<!-- m -->", maxChars: 65_536, ... }).length // 1 when all fit
 */
export function buildPages(params: {
  head: string;
  items: string[];
  tail: string;
  maxChars: number;
  movedNote: (count: number) => string;
  continuedHeading: (page: number, pages: number) => string;
}): string[] {
  const { head, items, tail, maxChars } = params;
  const separator = "\n";
  const join = (list: string[]) => list.join(separator);
  const firstWhole = [head, join(items), tail].filter((part) => part !== "").join("\n\n");
  if (firstWhole.length <= maxChars) return [firstWhole];

  // Room on the first page: head, tail, the note (sized for the largest count) and separators.
  const noteRoom = params.movedNote(items.length).length + 1;
  const firstRoom = maxChars - head.length - tail.length - noteRoom - 8;
  const [firstItems, rest] = takeItems(items, firstRoom);
  const continuedRoom = maxChars - params.continuedHeading(999, 999).length - 4;
  const later: string[][] = [];
  let remaining = rest;
  while (remaining.length > 0) {
    const [taken, left] = takeItems(remaining, continuedRoom);
    later.push(taken);
    remaining = left;
  }
  const moved = items.length - firstItems.length;
  const firstPage = [head, join([...firstItems, params.movedNote(moved)]), tail]
    .filter((part) => part !== "")
    .join("\n\n");
  const total = later.length + 1;
  return [firstPage, ...later.map((list, i) => `${params.continuedHeading(i + 2, total)}\n\n${join(list)}`)];
}

/** As many items as fit in `room` characters (at least one, cut to fit when alone too long). */
function takeItems(items: string[], room: number): [string[], string[]] {
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const size = items[i]!.length + 1;
    if (used + size > room) {
      if (i > 0) return [items.slice(0, i), items.slice(i)];
      return [[cutItem(items[0]!, Math.max(0, room - 1))], items.slice(1)];
    }
    used += size;
  }
  return [items, []];
}

function cutItem(item: string, room: number): string {
  const suffix = "\n  … (cut: too long for one comment)";
  let cut = item.slice(0, Math.max(0, room - suffix.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An unclosed code fence would swallow the suffix: close any fence the cut left open.
  const fences = cut.match(/^ *`{3,}/gm) ?? [];
  if (fences.length % 2 === 1) cut += `\n${fences.at(-1)!.trim()}`;
  return cut + suffix;
}
