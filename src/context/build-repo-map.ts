/** Manifests the repository map reads, at the root. */
export const manifestPaths = [
  "package.json",
  "go.mod",
  "pyproject.toml",
  "requirements.txt",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
];

const frameworks: [RegExp, string][] = [
  [/^@nestjs\/core$/, "NestJS"],
  [/^express$/, "Express"],
  [/^fastify$/, "Fastify"],
  [/^koa$/, "Koa"],
  [/^@hapi\/hapi$/, "hapi"],
  [/^next$/, "Next.js"],
  [/^hono$/, "Hono"],
  [/^django$/i, "Django"],
  [/^flask$/i, "Flask"],
  [/^fastapi$/i, "FastAPI"],
  [/github\.com\/gin-gonic\/gin/, "Gin"],
  [/github\.com\/labstack\/echo/, "Echo"],
  [/github\.com\/go-chi\/chi/, "chi"],
  [/github\.com\/gofiber\/fiber/, "Fiber"],
  [/spring-boot/, "Spring Boot"],
  [/quarkus/, "Quarkus"],
  [/micronaut/, "Micronaut"],
];

/**
 * A short map of the repository: top-level layout with file counts, and for each manifest the runtime,
 * frameworks and main dependencies. Pure: the caller reads the manifests.
 */
export function buildRepoMap(params: {
  paths: readonly string[];
  manifests: { path: string; text: string }[];
  maxDependencies?: number;
}): string {
  const maxDeps = params.maxDependencies ?? 15;
  const counts = new Map<string, number>();
  for (const path of params.paths) {
    const top = path.includes("/") ? `${path.slice(0, path.indexOf("/"))}/` : path;
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  const dirs = [...counts].filter(([name]) => name.endsWith("/"));
  const second = new Map<string, number>();
  for (const path of params.paths) {
    const parts = path.split("/");
    if (parts.length > 2 && /^(src|app|server|internal|cmd|pkg|api|services|lib)$/.test(parts[0]!)) {
      const key = `${parts[0]}/${parts[1]}/`;
      second.set(key, (second.get(key) ?? 0) + 1);
    }
  }
  const lines = [`Layout (${params.paths.length} files):`];
  for (const [dir, n] of dirs.sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    const children = [...second]
      .filter(([key]) => key.startsWith(dir))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([key, c]) => `${key.slice(dir.length)} ${c}`);
    lines.push(`- ${dir} ${n}${children.length > 0 ? ` (${children.join(", ")})` : ""}`);
  }
  for (const manifest of params.manifests) {
    const summary = summarizeManifest(manifest.path, manifest.text, maxDeps);
    if (summary) lines.push(`${manifest.path}: ${summary}`);
  }
  return lines.join("\n");
}

function summarizeManifest(path: string, text: string, maxDeps: number): string | undefined {
  let runtime = "";
  let deps: string[] = [];
  if (path.endsWith("package.json")) {
    try {
      const json = JSON.parse(text) as {
        engines?: { node?: string };
        type?: string;
        dependencies?: Record<string, string>;
      };
      runtime = `Node.js${json.engines?.node ? ` ${json.engines.node}` : ""}${json.type === "module" ? ", ESM" : ""}`;
      deps = Object.keys(json.dependencies ?? {});
    } catch {
      return "unreadable JSON";
    }
  } else if (path.endsWith("go.mod")) {
    runtime = `Go ${/^go\s+(\S+)/m.exec(text)?.[1] ?? ""}`.trim();
    const module = /^module\s+(\S+)/m.exec(text)?.[1];
    if (module) runtime += `, module ${module}`;
    deps = [
      ...text.matchAll(/^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/\S+)\s+v[\w.+-]+(?!\s*\/\/\s*indirect)\s*$/gm),
    ].map((m) => m[1]!);
  } else if (path.endsWith("pyproject.toml")) {
    runtime = `Python${/requires-python\s*=\s*"([^"]+)"/.exec(text)?.[1] ? ` ${/requires-python\s*=\s*"([^"]+)"/.exec(text)![1]}` : ""}`;
    const block = /dependencies\s*=\s*\[([\s\S]*?)\]/.exec(text)?.[1] ?? "";
    deps = [...block.matchAll(/["']([A-Za-z0-9_.-]+)/g)].map((m) => m[1]!);
    if (deps.length === 0) {
      const poetry = /\[tool\.poetry\.dependencies\]([\s\S]*?)(?:\n\[|$)/.exec(text)?.[1] ?? "";
      deps = [...poetry.matchAll(/^([A-Za-z0-9_.-]+)\s*=/gm)].map((m) => m[1]!).filter((d) => d !== "python");
    }
  } else if (path.endsWith("requirements.txt")) {
    runtime = "Python";
    deps = text
      .split("\n")
      .map((l) => /^\s*([A-Za-z0-9_.-]+)/.exec(l)?.[1])
      .filter((d): d is string => d !== undefined);
  } else if (path.endsWith("pom.xml")) {
    runtime = `Java${/<java\.version>([^<]+)/.exec(text)?.[1] ? ` ${/<java\.version>([^<]+)/.exec(text)![1]}` : ""} (Maven)`;
    deps = [...text.matchAll(/<artifactId>([^<]+)<\/artifactId>/g)].map((m) => m[1]!).slice(1);
  } else if (/build\.gradle(\.kts)?$/.test(path)) {
    runtime = "JVM (Gradle)";
    deps = [...text.matchAll(/(?:implementation|api|compile)\s*\(?\s*["']([^:"']+:[^:"']+)/g)].map(
      (m) => m[1]!,
    );
  }
  const found = [
    ...new Set(deps.flatMap((d) => frameworks.filter(([re]) => re.test(d)).map(([, name]) => name))),
  ];
  const parts = [runtime];
  if (found.length > 0) parts.push(`framework ${found.join(", ")}`);
  if (deps.length > 0) {
    parts.push(
      `dependencies ${deps.slice(0, maxDeps).join(", ")}${deps.length > maxDeps ? ` (+${deps.length - maxDeps})` : ""}`,
    );
  }
  return parts.filter(Boolean).join("; ");
}
