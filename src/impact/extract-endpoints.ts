import { Lang, type Rule, type SgNode } from "@ast-grep/napi";
import { ensureAstGrepLanguages, parseSource } from "../detectors/ast-grep-languages.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { Endpoint, EndpointFramework } from "./architecture-impact.js";
import { buildDiffSides, type DiffSide } from "./diff-sides.js";

/** A route found in one side of a file; `start`..`end` is the code that defines it (handler included). */
interface RouteDefinition {
  method: string;
  route: string;
  framework: EndpointFramework;
  authGuard: boolean;
  line: number;
  start: number;
  end: number;
}

type EndpointLanguage = "javascript" | "typescript" | "python" | "go" | "java";

// Names of middleware, decorators and dependencies that authenticate or authorise a request.
const authPattern =
  /auth|login_?required|jwt|passport|guard|protect|verify_?token|require_?(?:user|role|admin|permission|scope|session)|is_?authenticated|ensure_?(?:logged|authenticated)|permission|roles?_?required|has_?role|has_?authority|preauthorize|secured|rolesallowed|security\(|session_required|api_?key/i;

const jsMethods = new Set(["get", "post", "put", "patch", "delete", "del", "all", "head", "options"]);
const nestMethods = new Set(["Get", "Post", "Put", "Patch", "Delete", "All", "Head", "Options"]);
const pythonMethods = new Set(["get", "post", "put", "patch", "delete", "head", "options", "websocket"]);
const goUpperMethods = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "Any", "Match"]);
const goChiMethods = new Set([
  "Get",
  "Post",
  "Put",
  "Patch",
  "Delete",
  "Head",
  "Options",
  "Connect",
  "Trace",
]);
const springMappings: Record<string, string> = {
  GetMapping: "GET",
  PostMapping: "POST",
  PutMapping: "PUT",
  PatchMapping: "PATCH",
  DeleteMapping: "DELETE",
  RequestMapping: "ANY",
};
// Candidate nodes are narrowed in ast-grep's native matcher (kind and name), so JavaScript only inspects calls
// that can register a route: walking every call of a file through the bindings costs milliseconds a file.
const jsRouteRule: Rule = {
  kind: "call_expression",
  has: {
    field: "function",
    kind: "member_expression",
    has: { field: "property", regex: "^(?:get|post|put|patch|delete|del|all|head|options|route)$" },
  },
};
const jsUseRule: Rule = {
  kind: "call_expression",
  has: { field: "function", kind: "member_expression", has: { field: "property", regex: "^use$" } },
};
// Text a NestJS route decorator cannot be without (the rule below matches the decorator's text).
const nestRouteHint = /@(?:Get|Post|Put|Patch|Delete|All|Head|Options)\b/;
const nestDecoratorRule: Rule = {
  kind: "decorator",
  regex: "^@(?:Get|Post|Put|Patch|Delete|All|Head|Options)\\b",
};
const goRouteRule: Rule = {
  kind: "call_expression",
  has: {
    field: "function",
    kind: "selector_expression",
    has: {
      field: "field",
      regex:
        "^(?:HandleFunc|Handle|Method|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Match|Get|Post|Put|Patch|Delete|Head|Options|Connect|Trace)$",
    },
  },
};
const springMethodRule: Rule = { kind: "method_declaration", has: { kind: "modifiers", regex: "Mapping" } };

// HTTP clients share method names with routers (`axios.get('/x')`): never read as routes.
const httpClientObject =
  /^(?:axios|got|ky|superagent|request|fetch|\$http|http|https|this\.http|httpClient|client|api\.client|supertest)$/i;

// A patch (or one side of it) without any of these cannot register a route: it is not parsed for endpoints.
export const routeHint =
  /\.(?:get|post|put|patch|delete|del|all|route|api_route|HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|Any|Get|Post|Put|Patch|Delete|Method|register|websocket)\s*\(|@(?:Get|Post|Put|Patch|Delete|All|Head|Options|Controller|\w+Mapping)\b|\b(?:re_)?path\s*\(|\burl\s*\(/;

export function getEndpointLanguage(path: string): EndpointLanguage | undefined {
  if (/\.(?:[cm]?js|jsx)$/.test(path)) return "javascript";
  if (/\.(?:[cm]?ts|tsx)$/.test(path) && !path.endsWith(".d.ts")) return "typescript";
  if (path.endsWith(".py")) return "python";
  if (path.endsWith(".go")) return "go";
  if (path.endsWith(".java") || path.endsWith(".kt")) return path.endsWith(".java") ? "java" : undefined;
  return undefined;
}

/**
 * Endpoints a change adds, changes or removes in one file: routes registered on the new side on an added
 * line are added, those on the old side on a deleted line removed (both: changed), and routes whose
 * handler has added or deleted lines changed. Frameworks: Express, Fastify, Koa, NestJS, FastAPI, Flask,
 * Django (and DRF routers), Go net/http, gin, echo, chi, gorilla/mux, Spring MVC.
 */
export function extractEndpoints(path: string, hunks: readonly Hunk[]): Endpoint[] {
  const language = getEndpointLanguage(path);
  if (!language) return [];
  const { head, base } = buildDiffSides(hunks);
  const before = findRoutes(language, path, base);
  // With no route on the old side, only new-side routes the change touches are reported: the finders skip the
  // others before reading them.
  const after = findRoutes(
    language,
    path,
    head,
    before.length === 0 ? (start, end) => hasChangedLine(head, start, end) : undefined,
  );
  const key = (r: RouteDefinition) => `${r.method} ${r.route}`;
  const beforeByKey = new Map(before.map((r) => [key(r), r]));
  const afterKeys = new Set(after.map(key));
  const endpoints: Endpoint[] = [];
  for (const route of after) {
    const old = beforeByKey.get(key(route));
    const touched = hasChangedLine(head, route.start, route.end);
    const registeredHere = head.changed.has(route.line);
    if (!touched && !(old && hasChangedLine(base, old.start, old.end))) continue;
    endpoints.push({
      change: registeredHere && !old ? "added" : "changed",
      method: route.method,
      route: route.route,
      framework: route.framework,
      authGuard: route.authGuard ? "visible" : "not-visible",
      path,
      line: route.line,
    });
  }
  for (const route of before) {
    if (afterKeys.has(key(route)) || !base.changed.has(route.line)) continue;
    endpoints.push({
      change: "removed",
      method: route.method,
      route: route.route,
      framework: route.framework,
      authGuard: route.authGuard ? "visible" : "not-visible",
      path,
      line: route.line,
    });
  }
  return endpoints;
}

function hasChangedLine(side: DiffSide, start: number, end: number): boolean {
  for (const line of side.changed) if (line >= start && line <= end) return true;
  return false;
}

/** Whether a route defined from line `start` to `end` can matter; routes that cannot may be left out. */
type RouteFilter = (start: number, end: number) => boolean;

function findRoutes(
  language: EndpointLanguage,
  path: string,
  side: DiffSide,
  relevant?: RouteFilter,
): RouteDefinition[] {
  if (side.changed.size === 0 || !routeHint.test(side.text)) return [];
  switch (language) {
    case "javascript":
    case "typescript":
      return findJsRoutes(
        parseSource(language === "typescript" ? Lang.TypeScript : Lang.JavaScript, side.text),
        side.text,
        relevant,
      );
    case "python":
      ensureAstGrepLanguages();
      return findPythonRoutes(parseSource("python", side.text), side.text, path, relevant);
    case "go":
      ensureAstGrepLanguages();
      return findGoRoutes(parseSource("go", side.text), side.text);
    case "java":
      ensureAstGrepLanguages();
      return findSpringRoutes(parseSource("java", side.text));
  }
}

/** The value of a string literal node of any of the languages, or undefined for anything else. */
function readString(node: SgNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const kind = String(node.kind());
  if (
    ![
      "string",
      "template_string",
      "interpreted_string_literal",
      "raw_string_literal",
      "string_literal",
    ].includes(kind)
  ) {
    return undefined;
  }
  const match = /^[rRbBuUfF]{0,2}(`|'''|"""|'|")([\s\S]*)\1$/.exec(node.text());
  return match?.[2];
}

function lineOf(node: SgNode): number {
  return node.range().start.line + 1;
}

function endLineOf(node: SgNode): number {
  return node.range().end.line + 1;
}

function namedArgs(node: SgNode | null): SgNode[] {
  return node ? node.namedChildren().filter((child) => child.kind() !== "comment") : [];
}

function joinRoute(prefix: string, route: string): string {
  if (!prefix) return route.startsWith("/") || route === "*" ? route : `/${route}`;
  const left = prefix.startsWith("/") ? prefix : `/${prefix}`;
  if (!route) return left;
  return `${left.replace(/\/+$/, "")}/${route.replace(/^\/+/, "")}`;
}

// ------------------------------------------------------------------------------------------------
// JavaScript / TypeScript

function detectJsFramework(text: string): EndpointFramework {
  if (/from\s+['"]fastify['"]|require\(\s*['"]fastify['"]\s*\)|\bfastify\s*\(/.test(text)) return "Fastify";
  if (/['"](?:@koa\/router|koa-router|koa)['"]/.test(text)) return "Koa";
  return "Express";
}

function findJsRoutes(root: SgNode, text: string, relevant?: RouteFilter): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  const framework = detectJsFramework(text);
  // Router-level guards: `router.use(requireAuth)` / `app.use('/admin', auth)` before the route.
  const guardedObjects = new Map<string, number>();
  for (const call of /\buse\b/.test(text) ? root.findAll({ rule: jsUseRule }) : []) {
    const callee = call.field("function");
    if (callee?.kind() !== "member_expression") continue;
    const property = callee.field("property")?.text() ?? "";
    const object = callee.field("object");
    const args = namedArgs(call.field("arguments"));
    if (property === "use" && object && args.some((arg) => authPattern.test(arg.text()))) {
      const name = object.text();
      if (!guardedObjects.has(name)) guardedObjects.set(name, lineOf(call));
    }
  }
  for (const call of root.findAll({ rule: jsRouteRule })) {
    if (relevant && !relevant(lineOf(call), endLineOf(call))) continue;
    const callee = call.field("function");
    if (callee?.kind() !== "member_expression") continue;
    const property = callee.field("property")?.text() ?? "";
    const object = callee.field("object");
    if (!object) continue;
    const args = namedArgs(call.field("arguments"));
    if (property === "route" && args[0]?.kind() === "object") {
      const route = readFastifyRouteOptions(args[0]);
      if (route) {
        routes.push({
          ...route,
          framework: "Fastify",
          authGuard: authPattern.test(args[0].text()),
          line: lineOf(call),
          start: lineOf(call),
          end: endLineOf(call),
        });
      }
      continue;
    }
    if (!jsMethods.has(property.toLowerCase()) || httpClientObject.test(object.text())) continue;
    // `router.route('/orders').get(h).post(h)`: the path is the innermost `.route(...)`'s.
    let route = readString(args[0]);
    let middle = args.slice(1, -1);
    let registeredOn = object;
    if (route === undefined) {
      const chained = findChainedRoute(object);
      if (!chained) continue;
      route = chained.route;
      registeredOn = chained.object;
      middle = args.slice(0, -1);
    } else if (args.length < 2) {
      continue;
    }
    if (!(route.startsWith("/") || route === "*" || route === "")) continue;
    if (/\$\{/.test(route)) continue;
    const guardLine = guardedObjects.get(registeredOn.text());
    routes.push({
      method:
        property === "del" ? "DELETE" : property.toUpperCase() === "ALL" ? "ANY" : property.toUpperCase(),
      route: route || "/",
      framework,
      authGuard:
        middle.some((arg) => authPattern.test(arg.text())) ||
        (guardLine !== undefined && guardLine <= lineOf(call)),
      line: lineOf(call),
      start: lineOf(call),
      end: endLineOf(call),
    });
  }
  return [...routes, ...(nestRouteHint.test(text) ? findNestRoutes(root) : [])];
}

function findChainedRoute(object: SgNode): { route: string; object: SgNode } | undefined {
  let current: SgNode | null = object;
  while (current?.kind() === "call_expression") {
    const callee: SgNode | null = current.field("function");
    if (callee?.kind() !== "member_expression") return undefined;
    if (callee.field("property")?.text() === "route") {
      const route = readString(namedArgs(current.field("arguments"))[0]);
      const target = callee.field("object");
      return route !== undefined && target ? { route, object: target } : undefined;
    }
    current = callee.field("object");
  }
  return undefined;
}

function readFastifyRouteOptions(options: SgNode): { method: string; route: string } | undefined {
  let method: string | undefined;
  let route: string | undefined;
  for (const pair of options.namedChildren().filter((child) => child.kind() === "pair")) {
    const key = pair.field("key")?.text().replace(/['"]/g, "");
    const value = pair.field("value");
    if (key === "url" || key === "path") route = readString(value);
    if (key === "method") {
      method =
        readString(value) ??
        value
          ?.namedChildren()
          .map((child) => readString(child))
          .filter((item): item is string => item !== undefined)
          .join("|");
    }
  }
  return route !== undefined && method ? { method: method.toUpperCase(), route } : undefined;
}

function findNestRoutes(root: SgNode): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  for (const decorator of root.findAll({ rule: nestDecoratorRule })) {
    const call = decorator.namedChildren().find((child) => child.kind() === "call_expression");
    const name = call?.field("function")?.text() ?? "";
    if (!call || !nestMethods.has(name)) continue;
    const classBody = decorator.parent();
    if (classBody?.kind() !== "class_body") continue;
    const cls = classBody.parent();
    const classDecorators = [
      ...(cls?.namedChildren().filter((child) => child.kind() === "decorator") ?? []),
      ...(cls?.parent()?.kind() === "export_statement"
        ? cls
            .parent()!
            .namedChildren()
            .filter((child) => child.kind() === "decorator")
        : []),
    ];
    const controller = classDecorators.find((d) => /^@Controller\b/.test(d.text()));
    const controllerArg = namedArgs(
      controller
        ?.namedChildren()
        .find((child) => child.kind() === "call_expression")
        ?.field("arguments") ?? null,
    )[0];
    const prefix =
      readString(controllerArg) ??
      (controllerArg?.kind() === "object"
        ? /path\s*:\s*['"`]([^'"`]*)/.exec(controllerArg.text())?.[1]
        : undefined) ??
      "";
    // The decorators stacked on the same method: siblings up to the method definition.
    const stacked: SgNode[] = [];
    let method: SgNode | null = decorator;
    for (let sibling = decorator.prev(); sibling?.kind() === "decorator"; sibling = sibling.prev())
      stacked.push(sibling);
    for (method = decorator.next(); method?.kind() === "decorator"; method = method.next())
      stacked.push(method);
    const route = readString(namedArgs(call.field("arguments"))[0]) ?? "";
    const guard = [...stacked, ...classDecorators].some((d) =>
      /^@(?:UseGuards|Roles|Auth\w*|ApiBearerAuth)\b/.test(d.text()),
    );
    routes.push({
      method: name === "All" ? "ANY" : name.toUpperCase(),
      route: joinRoute(prefix, route),
      framework: "NestJS",
      authGuard: guard,
      line: lineOf(decorator),
      start: Math.min(lineOf(decorator), ...stacked.map(lineOf)),
      end: method?.kind() === "method_definition" ? endLineOf(method) : lineOf(decorator),
    });
  }
  return routes;
}

// ------------------------------------------------------------------------------------------------
// Python

function findPythonRoutes(
  root: SgNode,
  text: string,
  path: string,
  relevant?: RouteFilter,
): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  const usesFastApi = /\bfrom\s+fastapi\b|\bimport\s+fastapi\b|\bAPIRouter\s*\(|\bFastAPI\s*\(/.test(text);
  const definitions = text.includes("@") ? root.findAll({ rule: { kind: "decorated_definition" } }) : [];
  for (const definition of definitions) {
    // Every route of a definition spans the definition.
    if (relevant && !relevant(lineOf(definition), endLineOf(definition))) continue;
    const decorators = definition.namedChildren().filter((child) => child.kind() === "decorator");
    const fn = definition.field("definition");
    for (const decorator of decorators) {
      const call = decorator.namedChildren().find((child) => child.kind() === "call");
      const callee = call?.field("function");
      if (!call || callee?.kind() !== "attribute") continue;
      const attribute = callee.field("attribute")?.text() ?? "";
      const args = namedArgs(call.field("arguments"));
      const route = readString(args.find((arg) => arg.kind() === "string"));
      if (route === undefined || !(route.startsWith("/") || route === "")) continue;
      let methods: string[];
      let framework: EndpointFramework;
      if (attribute === "route" || attribute === "api_route") {
        const methodsArg = args.find(
          (arg) => arg.kind() === "keyword_argument" && arg.field("name")?.text() === "methods",
        );
        methods = methodsArg
          ? [...methodsArg.text().matchAll(/['"](\w+)['"]/g)].map((m) => m[1]!.toUpperCase())
          : [attribute === "route" ? "GET" : "ANY"];
        framework = attribute === "api_route" || usesFastApi ? "FastAPI" : "Flask";
      } else if (pythonMethods.has(attribute)) {
        methods = [attribute === "websocket" ? "WEBSOCKET" : attribute.toUpperCase()];
        framework = usesFastApi || /\bDepends\(/.test(call.text()) ? "FastAPI" : "Flask";
      } else {
        continue;
      }
      const others = decorators.filter((d) => d !== decorator).map((d) => d.text());
      const dependencies = args.filter((arg) => arg.kind() === "keyword_argument").map((arg) => arg.text());
      const parameters = fn?.field("parameters")?.text() ?? "";
      const guard =
        others.some((d) => authPattern.test(d)) ||
        dependencies.some((d) => authPattern.test(d)) ||
        /(?:Depends|Security)\(\s*[\w.]*(?:auth|user|token|current|verify|login|permission|scope)/i.test(
          parameters,
        );
      for (const method of methods.length > 0 ? methods : ["GET"]) {
        routes.push({
          method,
          route: route || "/",
          framework,
          authGuard: guard,
          line: lineOf(decorator),
          start: lineOf(definition),
          end: endLineOf(definition),
        });
      }
    }
  }
  if (/(^|\/)urls\.py$/.test(path) || /\burlpatterns\b/.test(text)) routes.push(...findDjangoRoutes(root));
  return routes;
}

function findDjangoRoutes(root: SgNode): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  for (const call of root.findAll({ rule: { kind: "call" } })) {
    const callee = call.field("function");
    const name = callee?.text() ?? "";
    const args = namedArgs(call.field("arguments"));
    if (["path", "re_path", "url"].includes(name)) {
      const route = readString(args[0]);
      if (route === undefined || args.length < 2) continue;
      if (/\binclude\(/.test(args[1]!.text())) continue;
      routes.push({
        method: "ANY",
        route: joinRoute("", route),
        framework: "Django",
        authGuard: authPattern.test(args[1]!.text()),
        line: lineOf(call),
        start: lineOf(call),
        end: endLineOf(call),
      });
    } else if (callee?.kind() === "attribute" && callee.field("attribute")?.text() === "register") {
      const route = readString(args[0]);
      if (route === undefined || args.length < 2 || !/ViewSet|View\b/.test(args[1]!.text())) continue;
      routes.push({
        method: "ANY",
        route: joinRoute("", route.replace(/^\^/, "")),
        framework: "Django REST framework",
        authGuard: false,
        line: lineOf(call),
        start: lineOf(call),
        end: endLineOf(call),
      });
    }
  }
  return routes;
}

// ------------------------------------------------------------------------------------------------
// Go

function detectGoFramework(text: string): EndpointFramework | undefined {
  if (/"github\.com\/gin-gonic\/gin"/.test(text)) return "gin";
  if (/"github\.com\/labstack\/echo/.test(text)) return "echo";
  if (/"github\.com\/go-chi\/chi/.test(text)) return "chi";
  if (/"github\.com\/gorilla\/mux"/.test(text)) return "gorilla/mux";
  return undefined;
}

function findGoRoutes(root: SgNode, text: string): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  const imported = detectGoFramework(text);
  // Route groups: `api := r.Group("/api")` (gin, echo) and their `.Use(auth)`.
  const groupPrefix = new Map<string, string>();
  for (const match of text.matchAll(/(\w+)\s*:?=\s*(\w+)\.Group\(\s*"([^"]*)"([^\n]*)/g)) {
    groupPrefix.set(match[1]!, joinRoute(groupPrefix.get(match[2]!) ?? "", match[3]!));
  }
  const guarded = new Set<string>();
  for (const match of text.matchAll(/(\w+)\.Use\(([^\n]*)/g)) {
    if (authPattern.test(match[2]!)) guarded.add(match[1]!);
  }
  for (const match of text.matchAll(/(\w+)\s*:?=\s*\w+\.Group\([^\n]*/g)) {
    if (authPattern.test(match[0])) guarded.add(match[1]!);
  }
  for (const call of root.findAll({ rule: goRouteRule })) {
    const callee = call.field("function");
    if (callee?.kind() !== "selector_expression") continue;
    const name = callee.field("field")?.text() ?? "";
    const receiver = callee.field("operand")?.text() ?? "";
    const args = namedArgs(call.field("arguments"));
    let method: string;
    let route: string | undefined;
    let rest: SgNode[];
    let framework: EndpointFramework;
    if (name === "HandleFunc" || name === "Handle") {
      const pattern = readString(args[0]);
      if (pattern === undefined || args.length < 2) continue;
      const split = /^([A-Z]+)\s+(\S.*)$/.exec(pattern);
      method = split ? split[1]! : "ANY";
      route = split ? split[2]! : pattern;
      rest = args.slice(1);
      framework = imported === "chi" || imported === "gorilla/mux" ? imported : "net/http";
      const methods = /\.Methods\(\s*"(\w+)"/.exec(call.parent()?.parent()?.text() ?? "");
      if (methods && imported === "gorilla/mux") method = methods[1]!;
    } else if (name === "Method" && imported === "chi") {
      method = readString(args[0])?.toUpperCase() ?? "ANY";
      route = readString(args[1]);
      rest = args.slice(2);
      framework = "chi";
    } else if (goUpperMethods.has(name) && imported !== "chi") {
      route = readString(args[0]);
      rest = args.slice(1);
      method = name === "Any" || name === "Match" ? "ANY" : name;
      framework = imported === "echo" ? "echo" : "gin";
    } else if (goChiMethods.has(name) && imported === "chi") {
      route = readString(args[0]);
      rest = args.slice(1);
      method = name.toUpperCase();
      framework = "chi";
    } else {
      continue;
    }
    if (route === undefined || !route.startsWith("/") || rest.length === 0) continue;
    routes.push({
      method,
      route: joinRoute(groupPrefix.get(receiver) ?? "", route),
      framework,
      authGuard: rest.some((arg) => authPattern.test(arg.text())) || guarded.has(receiver),
      line: lineOf(call),
      start: lineOf(call),
      end: endLineOf(call),
    });
  }
  return routes;
}

// ------------------------------------------------------------------------------------------------
// Java (Spring MVC / WebFlux annotations)

function readAnnotationPath(annotation: SgNode): { route: string; method?: string } {
  const list = annotation.namedChildren().find((child) => child.kind() === "annotation_argument_list");
  if (!list) return { route: "" };
  let route: string | undefined;
  let method: string | undefined;
  for (const arg of namedArgs(list)) {
    if (arg.kind() === "element_value_pair") {
      const key = arg.field("key")?.text();
      const value = arg.field("value");
      if (key === "value" || key === "path")
        route ??= readString(value) ?? readString(namedArgs(value ?? null)[0]);
      if (key === "method") method = /RequestMethod\.(\w+)/.exec(value?.text() ?? "")?.[1];
    } else {
      route ??= readString(arg) ?? readString(namedArgs(arg)[0]);
    }
  }
  return { route: route ?? "", ...(method ? { method } : {}) };
}

function getAnnotations(owner: SgNode | null | undefined): SgNode[] {
  const modifiers = owner?.namedChildren().find((child) => child.kind() === "modifiers");
  return (
    modifiers
      ?.namedChildren()
      .filter((child) => child.kind() === "annotation" || child.kind() === "marker_annotation") ?? []
  );
}

function annotationName(annotation: SgNode): string {
  return (
    annotation.field("name")?.text() ??
    annotation
      .namedChildren()
      .find((c) => c.kind() === "identifier")
      ?.text() ??
    ""
  );
}

function findSpringRoutes(root: SgNode): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  const springGuard = /^(?:PreAuthorize|PostAuthorize|Secured|RolesAllowed)$/;
  for (const method of root.findAll({ rule: springMethodRule })) {
    const annotations = getAnnotations(method);
    const mapping = annotations.find((a) => annotationName(a) in springMappings);
    if (!mapping) continue;
    const cls = method.parent()?.parent();
    const classAnnotations = cls?.kind() === "class_declaration" ? getAnnotations(cls) : [];
    const classMapping = classAnnotations.find((a) => annotationName(a) === "RequestMapping");
    const prefix = classMapping ? readAnnotationPath(classMapping).route : "";
    const own = readAnnotationPath(mapping);
    const name = annotationName(mapping);
    routes.push({
      method: own.method ?? springMappings[name]!,
      route: joinRoute(prefix, own.route),
      framework: "Spring",
      authGuard: [...annotations, ...classAnnotations].some((a) => springGuard.test(annotationName(a))),
      line: lineOf(mapping),
      start: lineOf(method),
      end: endLineOf(method),
    });
  }
  return routes;
}
