import type { Rule, SgNode } from "@ast-grep/napi";
import { getKind, type ParsedLanguage, toParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorHit, DetectorInput } from "./detector.js";
import { assignedName, enclosingScope, findLaterUses, traceValue } from "./local-flow.js";
import { matchesAllPatterns } from "./prefilter.js";

const randomCalls: Record<ParsedLanguage, Rule> = {
  js: {
    any: [
      { kind: "call_expression", regex: "^Math\\.random\\(\\)$" },
      // Deprecated and not cryptographic: any use is a finding.
      { kind: "member_expression", regex: "^crypto\\.pseudoRandomBytes$" },
    ],
  },
  python: {
    kind: "call",
    has: {
      field: "function",
      regex: "^random\\.(random|randint|choice|choices|getrandbits|randrange|sample|randbytes|shuffle)$",
    },
  },
  go: {
    kind: "call_expression",
    has: {
      field: "function",
      regex:
        "^\\w+\\.(Int|Intn|IntN|Int31|Int31n|Int32|Int32N|Int63|Int63n|Int64|Int64N|Uint|UintN|Uint32|Uint32N|Uint64|Uint64N|Float32|Float64|ExpFloat64|NormFloat64|Read|Perm|Shuffle|N|New|NewSource|NewPCG|NewChaCha8)$",
    },
  },
  java: {
    any: [
      {
        kind: "method_invocation",
        has: { field: "name", regex: "^(nextInt|nextLong|nextBytes|nextDouble|ints|longs)$" },
        all: [
          {
            has: {
              field: "object",
              regex:
                "^(random|rnd|rand|rng|RANDOM|RND|RAND|RNG|new\\s+Random\\([^)]*\\)|ThreadLocalRandom\\.current\\(\\))$",
            },
          },
        ],
      },
      { kind: "method_invocation", regex: "^(java\\.lang\\.)?Math\\.random\\(\\)$" },
      {
        // `new java.util.Random().nextFloat()`, and receivers held in a variable (checked in code).
        kind: "method_invocation",
        has: {
          field: "name",
          regex:
            "^(nextInt|nextLong|nextBytes|nextDouble|nextFloat|nextBoolean|nextGaussian|ints|longs|doubles)$",
        },
      },
      {
        kind: "method_invocation",
        has: { field: "object", regex: "^RandomStringUtils$" },
        all: [{ has: { field: "name", regex: "^random" } }],
      },
    ],
  },
};

/** Names of values that must be unguessable. */
const secretName =
  /token|secret|passw|otp|nonce|salt|api_?key|apiKey|\w+Key$|\w+_key$|remember_?me|session|csrf|xsrf|reset|verif|invite|magic|(^|_)id$|[a-z]Id$|^ID$|_ID$|uuid|guid|one_?time|oneTime|pin_?code|pinCode/i;
const plainName = /^(id|[a-z]\w*Id|\w*_id|\w*_ID|ID)$/;

/** Where a value gets its name: the declaration, assignment, key or function it is the value of. */
const namingKinds: Record<string, string> = {
  variable_declarator: "name",
  assignment_expression: "left",
  augmented_assignment_expression: "left",
  pair: "key",
  public_field_definition: "name",
  function_declaration: "name",
  method_definition: "name",
  assignment: "left",
  augmented_assignment: "left",
  keyword_argument: "name",
  function_definition: "name",
  short_var_declaration: "left",
  assignment_statement: "left",
  var_spec: "name",
  keyed_element: "key",
  method_declaration: "name",
};

/** Names that say nothing about the value (`b[i]`, `code`, `result`): look further out, at the function. */
const uninformativeName =
  /^(\w{1,3}|buf|buffer|result|output|value|tmp|temp|bytes|chars|str|text|data|num|number|digits|code|builder)$|\[/i;

function getValueName(node: SgNode): string | undefined {
  for (const ancestor of node.ancestors()) {
    const field = namingKinds[getKind(ancestor)];
    if (!field) continue;
    const name =
      getKind(ancestor) === "keyed_element" ? ancestor.child(0)?.text() : ancestor.field(field)?.text();
    if (name && !uninformativeName.test(name)) return name;
  }
  return undefined;
}

function isSecretName(name: string): boolean {
  // "id"-style names only count in camel or snake form, so "valid", "paid" or "grid" do not.
  const last = name.split(/[.\s]/).pop() ?? name;
  return (
    secretName.test(last) &&
    (!/id$/i.test(last) || plainName.test(last) || /token|secret|session|reset|invite/i.test(last))
  );
}

/** True when the call draws from a non-cryptographic generator (the language's rule matched the shape). */
function isWeakGenerator(node: SgNode, language: ParsedLanguage, input: DetectorInput): boolean {
  if (language === "go") {
    // The call's package must be math/rand under the name the file imports it as (`rand`, or an alias).
    const alias = /^\s*(?:import\s+)?(\w+\s+)?"math\/rand(?:\/v2)?"\s*$/m.exec(input.text);
    if (!alias) return false;
    const name = alias[1]?.trim() ?? "rand";
    return node.field("function")?.text().split(".")[0] === name;
  }
  if (language === "java") {
    if (/^(java\.lang\.)?Math\.random|^RandomStringUtils/.test(node.text())) return true;
    const object = node.field("object");
    if (!object) return false;
    const objectText = object.text();
    if (/^new\s+(java\.util\.)?Random\(|^ThreadLocalRandom\.current\(\)$/.test(objectText)) return true;
    if (new RegExp(`SecureRandom\\s+${objectText.replace(/[^\w]/g, "")}\\b`).test(input.text)) return false;
    if (object.kind() === "identifier") {
      const origins = traceValue(object, "java", 1).origins.map((o) => o.node.text());
      if (origins.some((t) => /^new\s+(java\.util\.)?Random\(/.test(t))) return true;
      if (new RegExp(`\\b(java\\.util\\.)?Random\\s+${objectText}\\b`).test(input.text)) return true;
    }
    return /^(random|rnd|rand|rng|RANDOM|RND|RAND|RNG)$/.test(objectText) && !/SecureRandom/.test(input.text);
  }
  return true;
}

/** Cookie, session and token sinks: a value handed to them must be unguessable. */
const secretSinkPattern =
  /(\bCookie\b|cookie\s*\(|set_cookie|setCookie|addCookie|SetCookie|\.cookies?\[|setAttribute|session\[|\bsign\s*\(|encode\s*\(|Token\s*\(|token\s*\(|otp|Otp)/;

/**
 * Where the random value ends up: its own name, or (through local variables, up to two hops) a later
 * variable, key or call that names a secret or hands it to a cookie/session. Returns the hit's last line.
 */
function secretUseLine(node: SgNode, language: ParsedLanguage, depth = 0): number | undefined {
  const name = getValueName(node);
  if (name !== undefined && isSecretName(name)) return node.range().end.line + 1;
  if (depth >= 3) return undefined;
  const variable = assignedName(node);
  if (!variable) return undefined;
  const scope = enclosingScope(node, language);
  for (const use of findLaterUses(scope, variable, node.range().end.index)) {
    const statement = statementOf(use);
    if (secretSinkPattern.test(statement.text())) return use.range().end.line + 1;
    const further = secretUseLine(use, language, depth + 1);
    if (further !== undefined) return further;
  }
  return undefined;
}

function statementOf(node: SgNode): SgNode {
  let current: SgNode | null = node;
  for (let depth = 0; current && depth < 6; depth++, current = current.parent()) {
    if (/(_statement|_declaration|^expression_statement)$/.test(String(current.kind()))) return current;
  }
  return node;
}

/** Uses where predictability is harmless: jitter, backoff, sampling, shuffling, colours, test data. */
const harmlessContext =
  /jitter|backoff|delay|sleep|retry|shuffle|sample|sampling|color|colour|latency|animation|test|mock|fake|seed|probability|chance|percent/i;

function findWeakRandomHits(input: DetectorInput): DetectorHit[] {
  const language = toParsedLanguage(input.language);
  if (!language || !input.getRoot()) return [];
  const rule = randomCalls[language];
  const hits: DetectorHit[] = [];
  for (const node of input.findNodes(rule)) {
    if (!isWeakGenerator(node, language, input)) continue;
    const start = node.range().start.line + 1;
    if (/pseudoRandomBytes$/.test(node.text())) {
      hits.push({
        startLine: start,
        endLine: start,
        detail: "`crypto.pseudoRandomBytes` is not cryptographically strong.",
      });
      continue;
    }
    // Reported at the generator (each draw is its own finding); the detail names where the value ends up.
    const use = secretUseLine(node, language);
    if (use !== undefined) {
      hits.push({
        startLine: start,
        endLine: node.range().end.line + 1,
        ...(use > node.range().end.line + 1
          ? { detail: `The value ends up in a secret or cookie on line ${use}.` }
          : {}),
      });
      continue;
    }
    // No secret in sight: Java's and Go's generic weak generators still get a low, uncertain note, since
    // the field's analysers flag them and the use may be out of view; harmless-looking uses are left alone.
    const context = `${statementOf(node).text()} ${enclosingScope(node, language).text().split("\n")[0]}`;
    if ((language === "java" || language === "go") && !harmlessContext.test(context))
      hits.push({
        startLine: start,
        endLine: node.range().end.line + 1,
        severity: "low",
        confidence: 0.4,
        detail:
          "Nothing here shows what this random value is for; if it is ever a token, key or id, it is predictable.",
      });
  }
  return hits;
}

export const weakRandomnessForSecrets: Detector = {
  id: "weak-randomness-for-secrets",
  languages: ["javascript", "typescript", "tsx", "python", "go", "java"],
  category: "security",
  severity: "high",
  confidence: 0.85,
  title: "Predictable random numbers used for a secret",
  body:
    "A token, code, identifier or password is generated with a non-cryptographic random generator " +
    "(Math.random, Python's random, Go's math/rand, java.util.Random). Their output can be predicted from a few " +
    "observed values, so an attacker can guess reset links, session ids or one-time codes. Use the platform's " +
    'CSPRNG: `crypto.randomBytes(32).toString("base64url")` / `crypto.randomUUID()` / `crypto.randomInt`, ' +
    "`secrets.token_urlsafe()` / `secrets.randbelow()`, `crypto/rand`, `SecureRandom`.",
  prefilter: matchesAllPatterns([
    /\b(Math\.random|random\.|rand\.|Random|RandomStringUtils|nextInt|nextBytes|nextLong|nextFloat|nextDouble|pseudoRandomBytes)/,
  ]),
  detect: (input) => findWeakRandomHits(input),
};
