import picomatch from "picomatch";
import type { ChangedFile } from "./changed-file.js";
import { notServerCodeReason, type ServerFileRule, serverFileRules } from "./server-file-rules.js";

export interface LeftOutFile {
  path: string;
  reason: string;
}

export interface ServerFileSelection {
  selected: ChangedFile[];
  leftOut: LeftOutFile[];
}

type CompiledRule = { rule: ServerFileRule; isMatch: (path: string) => boolean };

function compileRules(rules: ServerFileRule[]): CompiledRule[] {
  return rules.map((rule) => ({ rule, isMatch: picomatch(rule.globs, { dot: true, nocase: true }) }));
}

const defaultRules = compileRules(serverFileRules);

/** Why `path` is not server-side code, or null when it is. */
export function getLeaveOutReason(path: string, rules: CompiledRule[] = defaultRules): string | null {
  for (const { rule, isMatch } of rules) {
    if (isMatch(path)) return rule.keep ? null : (rule.reason ?? notServerCodeReason);
  }
  return notServerCodeReason;
}

/**
 * Keeps the server-side code of a pull request's changed files; every other file is listed with the
 * reason it was left out. Deleted files are left out too: nothing remains to comment on.
 */
export function selectServerFiles(files: ChangedFile[]): ServerFileSelection {
  const selected: ChangedFile[] = [];
  const leftOut: LeftOutFile[] = [];
  for (const file of files) {
    const reason = file.status === "removed" ? "deleted file" : getLeaveOutReason(file.filename);
    if (reason === null) selected.push(file);
    else leftOut.push({ path: file.filename, reason });
  }
  return { selected, leftOut };
}
