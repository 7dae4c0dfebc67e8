/** The fields of a `pulls.listFiles` entry the pipeline uses. `patch` is absent for binary and very large files. */
export interface ChangedFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}
