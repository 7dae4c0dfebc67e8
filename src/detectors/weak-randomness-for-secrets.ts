import type { Rule, SgNode } from "@ast-grep/napi";
import { getKind, type ParsedLanguage } from "./context-rules.js";
import type { Detector, DetectorInput } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

const randomCalls: Record<ParsedLanguage, Rule> = {
  js: { kind: "call_expression", regex: "^Math\\.random\\(\\)$" },
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
      regex: "^rand\\.(Int|Intn|IntN|Int31|Int31n|Int63|Int63n|Uint32|Uint64|Read|Perm|N)$",
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
      { kind: "method_invocation", regex: "^Math\\.random\\(\\)$" },
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
  /token|secret|passw|otp|nonce|salt|api_?key|apiKey|session|csrf|xsrf|reset|verif|invite|magic|(^|_)id$|[a-z]Id$|^ID$|_ID$|uuid|guid|one_?time|oneTime|pin_?code|pinCode/i;
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

function isInsecureSource(node: SgNode, language: ParsedLanguage, input: DetectorInput): boolean {
  if (language === "go") {
    // rand.* is math/rand only when that is what the file imports under the name `rand`.
    if (!/^\s*(import\s+)?"math\/rand(\/v2)?"\s*$/m.test(input.text)) return false;
  }
  if (language === "java") {
    const object = node.field("object")?.text() ?? "";
    if (new RegExp(`SecureRandom\\s+${object.replace(/[^\w]/g, "")}\\b`).test(input.text)) return false;
  }
  const name = getValueName(node);
  return name !== undefined && isSecretName(name);
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
    /\b(Math\.random|random\.|rand\.|Random|RandomStringUtils|nextInt|nextBytes|nextLong)/,
  ]),
  detect: (input) =>
    findRuleHits(input, randomCalls, (node, language) => isInsecureSource(node, language, input)),
};
