import picomatch from "picomatch";
import type { ChangedFile } from "../diff/changed-file.js";
import type { SpecFormat } from "./contract-change.js";

export interface SpecFile {
  format: SpecFormat;
  /** Path at the head (the file's name in the pull request). */
  path: string;
  /** Path at the base: differs for a renamed file. */
  basePath: string;
  existsAtBase: boolean;
  existsAtHead: boolean;
  patch?: string;
}

const graphqlFile = picomatch("**/*.{graphql,graphqls,gql,sdl}", { dot: true, nocase: true });
const protobufFile = picomatch("**/*.proto", { dot: true, nocase: true });
// YAML/JSON files are compared only when their name or folder says API (or `contracts.paths` names them);
// their content then decides (an `openapi:` or `swagger:` key), so a look costs two requests at most.
const openApiByName = picomatch(
  [
    "**/*{openapi,swagger,oas}*.{yml,yaml,json}",
    "**/{api,apis,spec,specs,openapi,swagger,contract,contracts,schema,schemas}/**/*.{yml,yaml,json}",
  ],
  { dot: true, nocase: true },
);
const yamlOrJson = picomatch("**/*.{yml,yaml,json}", { dot: true, nocase: true });
const notSpecs = picomatch(
  [
    "**/package.json",
    "**/package-lock.json",
    "**/tsconfig*.json",
    "**/composer.json",
    "**/node_modules/**",
    "**/.github/**",
  ],
  { dot: true, nocase: true },
);

/**
 * The changed files that may be API descriptions, with their format by name: `.proto`, GraphQL SDL
 * (`.graphql`, `.graphqls`, `.gql`, `.sdl`), and YAML/JSON files named or placed like an OpenAPI
 * description or listed in `contracts.paths`.
 */
export function selectSpecFiles(
  files: ChangedFile[],
  isConfiguredPath: (path: string) => boolean,
): SpecFile[] {
  const specs: SpecFile[] = [];
  for (const file of files) {
    if (file.status === "unchanged") continue;
    const path = file.filename;
    const configured = isConfiguredPath(path);
    let format: SpecFormat | null = null;
    if (protobufFile(path)) format = "protobuf";
    else if (graphqlFile(path)) format = "graphql";
    else if (yamlOrJson(path) && (configured || (openApiByName(path) && !notSpecs(path)))) format = "openapi";
    if (!format) continue;
    specs.push({
      format,
      path,
      basePath: file.previous_filename ?? path,
      existsAtBase: file.status !== "added",
      existsAtHead: file.status !== "removed",
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    });
  }
  return specs;
}
