import type { Rule, SgNode } from "@ast-grep/napi";
import type { ParsedLanguage } from "./context-rules.js";
import { getKind, toHit, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { findMatches } from "./find-matches.js";
import { matchesAllPatterns } from "./prefilter.js";

const jsLogMethods = "log|info|warn|error|debug|trace|fatal|verbose|silly|notice|critical";
const pythonLogMethods = "debug|info|warning|warn|error|exception|critical|fatal|log";
const goLogMethods =
  "Print|Printf|Println|Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln|Info|Infof|Infoln|Infow|Debug|Debugf|Debugln|Debugw|Warn|Warnf|Warnln|Warnw|Warning|Warningf|Warningln|Error|Errorf|Errorln|Errorw|Trace|Tracef|Msg|Msgf";
// Logging wrappers named after what they do: `logError(…)`, `log_debug(…)`, `debugLog(…)`, `LogInfo(…)`.
const wrapperName =
  "(?i)^(log_?(debug|info|warn|warning|error|fatal|trace|message|event)|(debug|info|warn|error)_?log)$";

const logCalls: Record<ParsedLanguage, Rule> = {
  js: {
    kind: "call_expression",
    any: [
      {
        has: {
          field: "function",
          kind: "member_expression",
          // console.*, logger.*, this.logger.*, req.log.*, appLogger.*, winston/pino/bunyan/consola/signale
          regex: `(?i)(^|\\.)(console|\\w*logger|log|winston|pino|bunyan|consola|signale)\\.(${jsLogMethods})$`,
        },
      },
      { has: { field: "function", kind: "identifier", regex: wrapperName } },
    ],
  },
  python: {
    any: [
      {
        // Any receiver: `logging.root.info`, `get_logger().info`, `foo = LOGGER; foo.info` all log.
        kind: "call",
        has: {
          field: "function",
          kind: "attribute",
          has: { field: "attribute", regex: `^(${pythonLogMethods})$` },
          not: {
            regex: "^(self\\.)?(request|response|session|messages|math|np|numpy|cmath)\\.|^warnings\\.",
          },
        },
      },
      { kind: "call", has: { field: "function", regex: "^(print|sys\\.(stdout|stderr)\\.write)$" } },
      { kind: "call", has: { field: "function", kind: "identifier", regex: wrapperName } },
    ],
  },
  go: {
    kind: "call_expression",
    any: [
      {
        // log, slog, logrus, klog, glog, zap/sugar, zerolog, and any logger/entry variable.
        has: {
          field: "function",
          regex: `(?i)(^|\\.)(log|logger|slog|logrus|klog|glog|sugar|zap|fmt|entry|l|lg|zlog|zerolog|log15|\\w*logger)\\.(${goLogMethods})$`,
        },
      },
      {
        // Chains: `logrus.WithField("token", t).Info(…)`, `klog.V(2).Infof(…)`, `log.Info().Str(…).Msg(…)`.
        has: {
          field: "function",
          regex: `^(log|logrus|klog|glog|zap|slog|zerolog|sugar|entry|l|\\w*[lL]ogger)\\b[\\s\\S]*\\)\\.(${goLogMethods})$`,
        },
      },
      { has: { field: "function", kind: "identifier", regex: wrapperName } },
    ],
    not: { regex: "^(fmt\\.(Errorf|Sprintf|Sprint|Sprintln)|errors\\.)" },
  },
  java: {
    kind: "method_invocation",
    all: [
      {
        has: {
          field: "object",
          regex: "(?i)^(this\\.)?\\w*(log|logger)$|^System\\.(out|err)$",
        },
      },
      {
        has: {
          field: "name",
          regex:
            "^(info|debug|warn|warning|error|trace|fatal|severe|fine|finer|finest|log|println|printf|print)$",
        },
      },
    ],
  },
};

const sensitiveNames = new Set([
  "password",
  "passwd",
  "pwd",
  "newpassword",
  "oldpassword",
  "currentpassword",
  "plainpassword",
  "secret",
  "clientsecret",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "authtoken",
  "bearertoken",
  "jwt",
  "apikey",
  "secretkey",
  "privatekey",
  "authorization",
  "cookie",
  "cookies",
  "sessionid",
  "ssn",
  "socialsecuritynumber",
  "cardnumber",
  "creditcard",
  "creditcardnumber",
  "ccnumber",
  "cvv",
  "cvc",
]);

const nameKinds = new Set([
  "identifier",
  "property_identifier",
  "shorthand_property_identifier",
  "field_identifier",
]);
const stringKinds = new Set([
  "string",
  "template_string",
  "string_literal",
  "interpreted_string_literal",
  "raw_string_literal",
]);
/** A label next to a placeholder: "password=%s", `token: ${…}`, "apiKey={}". */
const labelledPlaceholder =
  /(?:password|passwd|secret|token|api[_-]?key|authorization|ssn|card[_ ]?number)\s*[=:]\s*(?:%[-+#0-9.]*[sdvrqx]|\{\}|\{[^}]*\}|\$\{)/i;
const headerString = /^["'`](authorization|cookie|x-api-key|proxy-authorization)["'`]$/i;
const maskingCall =
  /mask|redact|hash|len|length|bool|boolean|sanitize|obfuscate|fingerprint|truncate|last4|isset|present|digest|encrypt|crypt|hmac|sha\d*|md5|bcrypt|scrypt|argon/i;

/** `resetToken`, `client_secret`, `dbPassword`: a compound name whose last word is a secret is one. */
const sensitiveSuffix = /(token|secret|password|passwd|apikey|privatekey|secretkey|ssn|cardnumber|cvv)$/;

/** `nextToken`, `pageToken`, `tokenType`, `encryptedPassword`, `secretName`: about a secret, or a cursor, not one. */
const nonSecretPrefix =
  /^(next|page|continuation|cursor|sync|pagination|encrypted|encoded|hashed|crypted|masked|redacted|null|csrf|xsrf)/;
const nonSecretSuffix =
  /(type|endpoint|count|url|uri|index|length|name|id|ids|version|arn|path|manager|properties|hint|label|field|policy|expiry|expiresat|ttl)$/;

function isSensitiveName(name: string): boolean {
  const normalised = normalise(name);
  if (sensitiveNames.has(normalised)) return true;
  if (nonSecretPrefix.test(normalised) || nonSecretSuffix.test(normalised)) return false;
  // `secretValue`, `tokenValue`, `passwordPlain`: a secret with a qualifier after it.
  if (/^(secret|password|passwd|token|apikey|privatekey)(value|plain|text|raw|string|str)$/.test(normalised))
    return true;
  // hasPassword, isTokenValid: flags about a secret, not the secret.
  return sensitiveSuffix.test(normalised) && !/^(has|is|should|can|needs)/.test(normalised);
}

function normalise(name: string): string {
  return name
    .replace(/^get(?=[A-Z_])/, "")
    .replace(/\d+$/, "")
    .replace(/[_-]/g, "")
    .toLowerCase();
}

/** Why this node leaks a secret into the log, or undefined when it does not. */
function isSensitiveNode(node: SgNode): boolean {
  const kind = getKind(node);
  const text = node.text();
  if (stringKinds.has(kind)) {
    if (labelledPlaceholder.test(text)) return true;
    // form["password"], headers.get("authorization"), slog.Info("login", "token", t)
    const content = text.replace(/^[rbuf]*["'`]|["'`]$/gi, "");
    if (isSensitiveName(content) && !isPairKey(node) && !isMasked(node)) return true;
    const parent = node.parent();
    return headerString.test(text) && parent !== null && !isPairKey(node);
  }
  if (/^(req|request|r|ctx|c)\.(headers|Header)$/.test(text) && isWholeValue(node)) return true;
  if (!nameKinds.has(kind) || !isSensitiveName(text)) return false;
  if (isObjectOfAccess(getAccessedValue(node))) return false;
  if (isPairKey(node)) {
    // `{ token: session.token }` logs the secret; `{ hasPassword: Boolean(pw) }` or `{ password: "***" }` do not.
    const value = node.parent()?.field("value");
    return value !== null && value !== undefined && plainValueKinds.has(getKind(value));
  }
  return !isMasked(node);
}

function isPairKey(node: SgNode): boolean {
  const parent = node.parent();
  return (
    (parent !== null &&
      (getKind(parent) === "pair" || getKind(parent) === "keyword_argument") &&
      parent.field(getKind(parent) === "pair" ? "key" : "name")?.id() === node.id()) ||
    isGoKeyedElementKey(node)
  );
}

/** `passStruct{password: crypt(pw)}`: the field name of a Go composite literal is a key, not a value. */
function isGoKeyedElementKey(node: SgNode): boolean {
  const parent = node.parent();
  const element = parent && getKind(parent) === "literal_element" ? parent.parent() : parent;
  return (
    element !== null &&
    getKind(element) === "keyed_element" &&
    element.namedChildren()[0]?.id() ===
      (parent && getKind(parent) === "literal_element" ? parent.id() : node.id())
  );
}

const plainValueKinds = new Set([
  "identifier",
  "member_expression",
  "subscript_expression",
  "attribute",
  "subscript",
  "selector_expression",
  "field_access",
]);

const objectFields: Record<string, string> = {
  member_expression: "object",
  attribute: "object",
  selector_expression: "operand",
  field_access: "object",
  method_invocation: "object",
};

/** `session.token` for the `token` of `session.token`: the value the name stands for. */
function getAccessedValue(node: SgNode): SgNode {
  let value = node;
  for (let parent = value.parent(); parent; parent = value.parent()) {
    const objectField = objectFields[getKind(parent)];
    if (!objectField || parent.field(objectField)?.id() === value.id()) break;
    value = parent;
  }
  return value;
}

/** `token.expiresAt`, `password.length`: a property of the secret, not the secret. */
function isObjectOfAccess(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  const objectField = objectFields[getKind(parent)];
  if (objectField === undefined || parent.field(objectField)?.id() !== node.id()) return false;
  // `password.String()`, `token.toString()`, `secret.getValue()`: the secret itself, as text.
  const member =
    parent.field("property") ?? parent.field("attribute") ?? parent.field("field") ?? parent.field("name");
  return !/^(String|toString|toCharArray|getBytes|get|Get|value|Value|getValue|str|decode)$/.test(
    member?.text() ?? "",
  );
}

/** `req.headers` logged whole, not `req.headers["user-agent"]`. */
function isWholeValue(node: SgNode): boolean {
  const parentKind = node.parent() ? getKind(node.parent()!) : undefined;
  return (
    parentKind !== "subscript_expression" &&
    parentKind !== "subscript" &&
    parentKind !== "member_expression" &&
    parentKind !== "attribute" &&
    parentKind !== "selector_expression" &&
    parentKind !== "index_expression" &&
    parentKind !== "call_expression" &&
    parentKind !== "call"
  );
}

function isMasked(node: SgNode): boolean {
  for (const ancestor of node.ancestors()) {
    const kind = getKind(ancestor);
    if (kind === "unary_expression" || kind === "not_operator") return true;
    if (kind === "call_expression" || kind === "call" || kind === "method_invocation") {
      const callee = ancestor.field("function") ?? ancestor.field("name");
      if (callee && maskingCall.test(callee.text())) return true;
      if (/\.(log|info|warn|error|debug|trace|Printf|Println|Infof|println)$/.test(callee?.text() ?? ""))
        return false;
    }
    if (kind === "arguments" || kind === "argument_list") continue;
  }
  return false;
}

/** The nodes that can carry a secret into a log call's arguments, per grammar. */
const candidateRules: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      "identifier",
      "property_identifier",
      "shorthand_property_identifier",
      "string",
      "template_string",
      "member_expression",
    ].map((kind) => ({ kind })),
  },
  python: { any: ["identifier", "string", "attribute"].map((kind) => ({ kind })) },
  go: {
    any: [
      "identifier",
      "field_identifier",
      "interpreted_string_literal",
      "raw_string_literal",
      "selector_expression",
    ].map((kind) => ({ kind })),
  },
  java: { any: ["identifier", "string_literal"].map((kind) => ({ kind })) },
};

const argumentListRules: Record<ParsedLanguage, Rule> = {
  js: { kind: "arguments" },
  python: { kind: "argument_list" },
  go: { kind: "argument_list" },
  java: { kind: "argument_list" },
};

function findLeaks(input: DetectorInput): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  const root = input.getRoot();
  if (!language || !root) return [];
  const hits: DetectorHit[] = [];
  for (const call of input.findNodes(logCalls[language])) {
    // The arguments of the call and of the calls chained before it (`logrus.WithField("token", t).Info(…)`).
    const argumentLists = findMatches(call, argumentListRules[language]);
    const leaks = argumentLists.flatMap((args) => findMatches(args, candidateRules[language]));
    if (leaks.some((node) => isSensitiveNode(node))) hits.push(toHit(call));
  }
  return hits;
}

export const sensitiveDataInLogs: Detector = {
  id: "sensitive-data-in-logs",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "high",
  confidence: 0.8,
  title: "Secret or personal data written to logs",
  body:
    "A password, token, key, authorization header or personal identifier is written to the logs, where it is " +
    "kept for months, copied to log services and readable by far more people than the data itself; leaked tokens " +
    "stay usable until they expire. Log an identifier instead (user id, token fingerprint, last four digits), " +
    'or configure the logger\'s redaction (`pino({ redact: ["req.headers.authorization", "*.password"] })`, a ' +
    "logging filter) so secrets never reach a sink.",
  prefilter: matchesAllPatterns([
    /console|log|Log|LOG|print|std(out|err)/,
    /password|passwd|pwd|secret|token|Token|jwt|api_?key|apiKey|ApiKey|authorization|Authorization|cookie|Cookie|session_?id|sessionId|ssn|Ssn|SSN|card|Card|cvv|cvc|headers|Header/i,
  ]),
  detect: findLeaks,
};
