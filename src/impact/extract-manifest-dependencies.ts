import type { Hunk } from "../diff/parse-patch.js";
import type { ManifestDependency } from "./architecture-impact.js";
import { buildDiffSides, listChangedLines } from "./diff-sides.js";

type Reader = (
  line: string,
  context: { lines: string[]; index: number },
) => { name: string; version?: string } | undefined;

/** `"name": "^1.2.3"` inside a `dependencies`-like object of package.json (checked against the lines above). */
const readPackageJson: Reader = (line, { lines, index }) => {
  const m = /^\s*"(@?[\w.-]+(?:\/[\w.-]+)?)"\s*:\s*"([^"]*)"\s*,?\s*$/.exec(line);
  if (!m) return undefined;
  for (let i = index - 1; i >= 0; i -= 1) {
    const above = lines[i] ?? "";
    if (/^\s*"(?:dependencies|devDependencies|peerDependencies|optionalDependencies)"\s*:\s*\{/.test(above)) {
      return { name: m[1]!, version: m[2]! };
    }
    if (/[{}]/.test(above)) return undefined;
  }
  return undefined;
};

const readRequirements: Reader = (line) => {
  const m = /^\s*([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(?:(===?|>=|<=|~=|!=|>|<)\s*([^\s;#,]+))?/.exec(line);
  if (!m || line.trim().startsWith("#") || line.trim().startsWith("-")) return undefined;
  return { name: m[1]!, ...(m[3] ? { version: `${m[2]}${m[3]}` } : {}) };
};

const readGoMod: Reader = (line) => {
  const m = /^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+(v[\w.+-]+)/.exec(line);
  return m ? { name: m[1]!, version: m[2]! } : undefined;
};

const readPyproject: Reader = (line) => {
  const inList = /^\s*"([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*([<>=!~^][^"]*)?"\s*,?\s*$/.exec(line);
  if (inList) return { name: inList[1]!, ...(inList[2] ? { version: inList[2].trim() } : {}) };
  const poetry = /^\s*([A-Za-z0-9][\w.-]*)\s*=\s*(?:"([^"]+)"|\{[^}]*version\s*=\s*"([^"]+)")/.exec(line);
  if (poetry && poetry[1] !== "python" && poetry[1] !== "name" && poetry[1] !== "version") {
    return { name: poetry[1]!, version: poetry[2] ?? poetry[3]! };
  }
  return undefined;
};

/** pom.xml: an added `<artifactId>` inside a `<dependency>` (its groupId above, when shown). */
const readPom: Reader = (line, { lines, index }) => {
  const m = /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/.exec(line);
  if (!m) return undefined;
  let group: string | undefined;
  for (let i = index - 1; i >= Math.max(0, index - 4); i -= 1) {
    const above = lines[i] ?? "";
    group ??= /<groupId>\s*([\w.-]+)\s*<\/groupId>/.exec(above)?.[1];
    if (/<dependency>/.test(above)) {
      const version = lines
        .slice(index + 1, index + 4)
        .map((l) => /<version>\s*([^<]+)<\/version>/.exec(l)?.[1])
        .find(Boolean);
      return { name: group ? `${group}:${m[1]}` : m[1]!, ...(version ? { version } : {}) };
    }
  }
  return undefined;
};

const readGradle: Reader = (line) => {
  const m =
    /^\s*(?:implementation|api|compileOnly|runtimeOnly|testImplementation)\s*\(?\s*['"]([\w.-]+):([\w.-]+)(?::([\w.+-]+))?['"]/.exec(
      line,
    );
  return m ? { name: `${m[1]}:${m[2]}`, ...(m[3] ? { version: m[3] } : {}) } : undefined;
};

const manifests: { pattern: RegExp; read: Reader }[] = [
  { pattern: /(^|\/)package\.json$/, read: readPackageJson },
  { pattern: /(^|\/)requirements[\w.-]*\.(?:txt|in)$/, read: readRequirements },
  { pattern: /(^|\/)go\.mod$/, read: readGoMod },
  { pattern: /(^|\/)pyproject\.toml$/, read: readPyproject },
  { pattern: /(^|\/)pom\.xml$/, read: readPom },
  { pattern: /(^|\/)build\.gradle(?:\.kts)?$/, read: readGradle },
];

/**
 * Dependencies a change adds to a manifest (package.json, requirements*.txt, pyproject.toml, go.mod,
 * pom.xml, build.gradle). A dependency whose name is also on a deleted line was upgraded or moved, not
 * added, and is left out.
 */
export function extractManifestDependencies(path: string, hunks: readonly Hunk[]): ManifestDependency[] {
  const manifest = manifests.find((m) => m.pattern.test(path));
  if (!manifest) return [];
  const { head, base } = buildDiffSides(hunks);
  const headLines = head.text.split("\n");
  const baseLines = base.text.split("\n");
  const removed = new Set(
    listChangedLines(base).flatMap(
      ({ line, text }) => manifest.read(text, { lines: baseLines, index: line - 1 })?.name ?? [],
    ),
  );
  const out: ManifestDependency[] = [];
  for (const { line, text } of listChangedLines(head)) {
    const dep = manifest.read(text, { lines: headLines, index: line - 1 });
    if (!dep || removed.has(dep.name) || out.some((d) => d.name === dep.name)) continue;
    out.push({ ...dep, manifest: path.split("/").pop() ?? path, path, line });
  }
  return out;
}
