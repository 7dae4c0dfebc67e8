import { execFile } from "node:child_process";
import { CliError } from "./cli-error.js";

const maxBuffer = 256 * 1024 * 1024;
/** Untracked files beyond this many are not reviewed (a missing .gitignore entry, most likely). */
const maxUntrackedFiles = 500;

/** Arguments that make `git diff` print what GitHub shows, whatever the user's git configuration. */
const diffOptions = [
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "-U3",
  "-M",
  "--src-prefix=a/",
  "--dst-prefix=b/",
];

export interface GitDiff {
  /** The repository's top-level folder. */
  root: string;
  /** What the change is compared with, as the user would name it (`origin/main`). */
  baseRef: string;
  mergeBase: string;
  /** `git diff` output: committed and uncommitted changes since the merge base, then untracked files. */
  diff: string;
  /** Untracked files left out because there were too many. */
  untrackedLeftOut: number;
}

/**
 * Reads the local change the way a pull request would show it: everything since the merge base of HEAD
 * with `base` (default: the default branch), uncommitted and untracked (not ignored) files included.
 * Throws a CliError when `cwd` is not a git work tree or the base cannot be found.
 */
export async function loadGitDiff(params: { cwd: string; base?: string | undefined }): Promise<GitDiff> {
  const root = (
    await runGit(params.cwd, ["rev-parse", "--show-toplevel"]).catch((error: unknown) => {
      throw new CliError(
        `${params.cwd} is not inside a git work tree, so there is no change to review. Run the command in a repository, or pass a diff with --diff FILE (or --diff - for stdin).`,
        { cause: error },
      );
    })
  ).trim();
  const baseRef = params.base ?? (await getDefaultBranch(root));
  const mergeBase = (
    await runGit(root, ["merge-base", "HEAD", baseRef]).catch((error: unknown) => {
      throw new CliError(
        `Could not find the merge base of HEAD and ${JSON.stringify(baseRef)}: ${describeGitError(error)}. Pass the branch or commit to compare with as --base REF.`,
        { cause: error },
      );
    })
  ).trim();
  const tracked = await runGit(root, ["diff", ...diffOptions, mergeBase, "--"]).catch((error: unknown) => {
    throw new CliError(`git diff ${mergeBase} failed: ${describeGitError(error)}`, { cause: error });
  });
  const untracked = (await runGit(root, ["ls-files", "--others", "--exclude-standard", "-z"]))
    .split("\0")
    .filter((path) => path !== "");
  const parts = [tracked];
  for (const path of untracked.slice(0, maxUntrackedFiles)) {
    // Exit code 1 means "there are differences", which there always are against /dev/null.
    parts.push(await runGit(root, ["diff", ...diffOptions, "--no-index", "--", "/dev/null", path], [0, 1]));
  }
  return {
    root,
    baseRef,
    mergeBase,
    diff: parts.filter((part) => part !== "").join(""),
    untrackedLeftOut: Math.max(0, untracked.length - maxUntrackedFiles),
  };
}

/** origin/HEAD's branch (`origin/main`), else `main`, else `master`. */
async function getDefaultBranch(root: string): Promise<string> {
  const originHead = await runGit(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]).catch(
    () => "",
  );
  if (originHead.trim() !== "") return originHead.trim().replace(/^refs\/remotes\//, "");
  for (const branch of ["main", "master"]) {
    const exists = await runGit(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]).then(
      () => true,
      () => false,
    );
    if (exists) return branch;
  }
  throw new CliError(
    "Could not tell the default branch: origin/HEAD is not set and there is no main or master branch. Pass the branch to compare with as --base REF.",
  );
}

function runGit(cwd: string, args: string[], okExitCodes: number[] = [0]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, maxBuffer, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : error ? -1 : 0;
      if (okExitCodes.includes(code)) resolve(stdout);
      else reject(Object.assign(error ?? new Error(`git ${args[0]} failed`), { stderr }));
    });
  });
}

function describeGitError(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  if (typeof stderr === "string" && stderr.trim() !== "") return stderr.trim().split("\n")[0] ?? "";
  return error instanceof Error ? error.message : String(error);
}
