/** The kinds of repository context, in the order they are ranked for the budget. */
export const contextKinds = ["enclosing", "definition", "usage", "data_model", "map"] as const;
export type ContextKind = (typeof contextKinds)[number];

export const contextKindLabels: Record<ContextKind, string> = {
  enclosing: "enclosing code",
  definition: "definitions",
  usage: "usages",
  data_model: "data model",
  map: "repository map",
};

/** One excerpt of the repository shown to the model beside the diff. */
export interface ContextPiece {
  kind: ContextKind;
  /** The file it comes from ("" for the repository map). */
  path: string;
  /** 1-based inclusive line ranges of `path` that are shown, in order; empty for the map. */
  ranges: [number, number][];
  /** The text shown: numbered lines (`12: code`), or the map's text. Already sanitised and redacted. */
  text: string;
  /** Files under review this piece bears on (empty: the whole review). */
  forPaths: string[];
  /** Why it is here, e.g. "definition of buildQuery, used by src/routes/users.ts:42". */
  why: string;
  /** Estimated tokens of the rendered piece. */
  tokens: number;
  /** Lines of files under review it explains (for the enclosing code: the hunk's changed lines). */
  forLines?: [number, number];
}

/** A piece the budget left out. */
export interface LeftOutPiece {
  kind: ContextKind;
  path: string;
  why: string;
  tokens: number;
}
