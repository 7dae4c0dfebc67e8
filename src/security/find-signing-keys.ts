/**
 * A signing or session key written into the code: `jwt.sign(payload, 'shhhhh')`, `crypto.createHmac('sha256',
 * key)` with `const key = '…'` a few lines up, `Algorithm.HMAC256("secret")`, `session({ secret: 'keyboard cat' })`,
 * `app.config["SECRET_KEY"] = '…'`. Such keys are short and low-entropy, so the entropy heuristic never sees
 * them; what makes them secrets is where they are used.
 */
export interface SigningKey {
  /** The literal's characters (without quotes): `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Where the key is used, when that is not the literal itself (a variable passed to the sink). */
  useStart?: number;
  kind: string;
  description: string;
}

interface Sink {
  callee: RegExp;
  argument: number;
  what: string;
}

// Calls whose argument at `argument` is a signing key. `callee` matches just before the opening parenthesis.
const sinks: Sink[] = [
  // jsonwebtoken, jose (v1/v2), jws, njwt: sign/verify(payload|token, key)
  {
    callee: /\b(?:jwt|jsonwebtoken|jsonwt|jwtLib|JWT|jws|njwt|JsonWebToken)\s*\.\s*(?:sign|verify)\s*$/,
    argument: 1,
    what: "JWT signing key",
  },
  // PyJWT / python-jose: jwt.encode(payload, key) / jwt.decode(token, key)
  { callee: /\bjwt\s*\.\s*(?:encode|decode)\s*$/, argument: 1, what: "JWT signing key" },
  { callee: /\bcrypto\s*\.\s*createHmac\s*$|\bcreateHmac\s*$/, argument: 1, what: "HMAC key" },
  { callee: /\bhmac\s*\.\s*new\s*$/, argument: 0, what: "HMAC key" },
  { callee: /\bhmac\s*\.\s*New\s*$/, argument: 1, what: "HMAC key" },
  { callee: /\bAlgorithm\s*\.\s*HMAC(?:256|384|512)\s*$/, argument: 0, what: "JWT signing key" },
  { callee: /\bKeys\s*\.\s*hmacShaKeyFor\s*$/, argument: 0, what: "JWT signing key" },
  { callee: /\.\s*signWith\s*$/, argument: 1, what: "JWT signing key" },
  { callee: /\.\s*SignedString\s*$/, argument: 0, what: "JWT signing key" },
  { callee: /\bnew\s+SecretKeySpec\s*$/, argument: 0, what: "HMAC key" },
];

// Any sink's callee just before a parenthesis (one test instead of one per sink), and any sink's name anywhere.
const anySinkCallee = new RegExp(sinks.map((sink) => `(?:${sink.callee.source})`).join("|"));
const sinkNameAnywhere = new RegExp(
  sinks.map((sink) => `(?:${sink.callee.source.replaceAll("\\s*$", "").replaceAll("\\b", "")})`).join("|"),
);

// Object keys / keyword arguments / config entries that hold a signing or session secret.
const secretKeyNames =
  /^(?:secret|secretOrKey|secretOrPrivateKey|jwtSecret|jwt_secret|sessionSecret|session_secret|cookieSecret|cookie_secret|SECRET_KEY|JWT_SECRET|JWT_SECRET_KEY|SESSION_SECRET|COOKIE_SECRET|signingKey|signing_key|hmacKey|hmac_key|clientSecret|client_secret)$/;

const secretKeyWord = /secret|Secret|SECRET|signingKey|signing_key|hmacKey|hmac_key/;

const stringLiteral = /^(?:[rbuRBU]{0,2})(["'`])((?:\\.|(?!\1)[^\\\n])*)\1$/;
// `[]byte("k")`, `"k".getBytes(…)`, `Buffer.from('k')`, `b"k"`, `'k'.encode()`: the literal inside.
const wrappedLiteral = [
  /^\[\]byte\((.*)\)$/s,
  /^JWK\.asKey\((.*)\)$/s,
  /^(.*)\.getBytes\([^()]*\)$/s,
  /^Buffer\.from\(\s*([^,]*?)\s*(?:,\s*["'][\w-]+["']\s*)?\)$/s,
  /^(.*)\.encode\([^()]*\)$/s,
];

const placeholder =
  /^(?:|changeme|change_me|placeholder|your[-_].*|<.*>|\$\{.*\}|\{\{.*\}\}|x+|\*+|\.+|test|none|null|undefined)$/i;

/**
 * Signing keys written as literals in `text` (the added and removed lines of one file, joined by "\n"), at a
 * known sink or under a secret-bearing config key; a variable passed to a sink is followed back to the
 * literal it was last assigned in the text.
 *
 * @example findSigningKeys("const token = jwt.sign(payload, 'shhhhh')")[0].kind === "jwt-signing-key"
 */
export function findSigningKeys(text: string): SigningKey[] {
  const found: SigningKey[] = [];
  // Indexed on first use: most texts have neither a sink nor a secret-bearing setting.
  let indexed: AssignmentIndex | undefined;
  const assignments = (): AssignmentIndex => {
    indexed ??= indexLiteralAssignments(text);
    return indexed;
  };
  const add = (key: SigningKey) => {
    if (!found.some((f) => f.start === key.start && f.end === key.end)) found.push(key);
  };
  // Most texts call no sink at all: one search of the sinks' names (boundaries and anchors dropped, so it
  // is looser than any of them) tells before every parenthesis is looked at.
  const open0 = sinkNameAnywhere.test(text) ? text.indexOf("(") : -1;
  for (let open = open0; open !== -1; open = text.indexOf("(", open + 1)) {
    const before = text.slice(Math.max(0, open - 60), open);
    if (!anySinkCallee.test(before)) continue;
    const sink = sinks.find((s) => s.callee.test(before));
    if (!sink) continue;
    const args = splitArguments(text, open);
    const argument = args[sink.argument];
    if (!argument) continue;
    const key = resolveLiteral(text, argument.start, argument.end, assignments());
    if (key) add({ ...key, ...describe(sink.what) });
  }
  // `secret: 'a'`, `secret=…`, `SECRET_KEY = '…'`, `config["SECRET_KEY"] = '…'`
  const pair = /(?<![\w$.])["']?([A-Za-z_$][\w$]{2,40})["']?\]?\s{0,4}(:|=)(?!=)\s{0,4}/g;
  // Every name of `secretKeyNames` holds one of these words.
  if (!secretKeyWord.test(text)) return found;
  for (const match of text.matchAll(pair)) {
    const name = match[1] ?? "";
    if (!secretKeyNames.test(name)) continue;
    // `secret = "…"` is any variable; `SECRET_KEY = "…"`, `["SECRET_KEY"] = …` and `secret: …` name a setting.
    if (match[2] === "=" && !/^[A-Z][A-Z0-9_]+$/.test(name)) continue;
    const valueStart = match.index + match[0].length;
    const valueEnd = findExpressionEnd(text, valueStart);
    const key = resolveLiteral(text, valueStart, valueEnd, assignments());
    if (key) add({ ...key, ...describe(/session|cookie/i.test(name) ? "session secret" : "signing secret") });
  }
  return found;
}

function describe(what: string): Pick<SigningKey, "kind" | "description"> {
  return { kind: what.replace(/\W+/g, "-").toLowerCase(), description: `hard-coded ${what}` };
}

type AssignmentIndex = Map<string, { at: number; value: string; valueAt: number }[]>;

/**
 * Every `name = '…'` / `name := "…"` / `name: '…'` (optionally `JWK.asKey('…')`, `Buffer.from('…')`,
 * `[]byte("…")`) of the text, by name, in text order: one pass, so that resolving many sinks stays linear.
 */
function indexLiteralAssignments(text: string): AssignmentIndex {
  const index: AssignmentIndex = new Map();
  const assignment =
    /(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>[\]]+\s*)?(?::=|=(?!=)|:)\s*(?:JWK\.asKey\(|Buffer\.from\(|\[\]byte\()?\s*((?:[rbuRBU]{0,2})(["'`])(?:\\.|(?!\3)[^\\\n])*\3)/g;
  for (const match of text.matchAll(assignment)) {
    const name = match[1] ?? "";
    const value = match[2] ?? "";
    const list = index.get(name) ?? [];
    list.push({ at: match.index, value, valueAt: match.index + match[0].length - value.length });
    index.set(name, list);
  }
  return index;
}

/** The literal an argument is, wraps, or (for a plain identifier) was last assigned before it. */
function resolveLiteral(
  text: string,
  start: number,
  end: number,
  assignments: AssignmentIndex,
): Pick<SigningKey, "start" | "end" | "useStart"> | undefined {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const expression = raw.trim();
  const literal = toLiteralRange(expression, start + lead);
  if (literal) return literal;
  if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?$/.test(expression)) return undefined;
  // The last `name = '…'` before the use; `this.name`/`self.name` too.
  const name = expression.replace(/^(?:this|self)\./, "");
  if (name.includes(".")) return undefined;
  const before = (assignments.get(name) ?? []).filter((a) => a.at < start).at(-1);
  const last = before ? toLiteralRange(before.value, before.valueAt) : undefined;
  return last ? { ...last, useStart: start + lead } : undefined;
}

function toLiteralRange(expression: string, at: number): Pick<SigningKey, "start" | "end"> | undefined {
  for (const wrapper of wrappedLiteral) {
    const inner = wrapper.exec(expression);
    if (inner?.[1] !== undefined) {
      const offset = expression.indexOf(inner[1]);
      const range = toLiteralRange(
        inner[1].trim(),
        at + offset + (inner[1].length - inner[1].trimStart().length),
      );
      if (range) return range;
    }
  }
  const match = stringLiteral.exec(expression);
  if (!match) return undefined;
  const quote = match[1] ?? "";
  const value = match[2] ?? "";
  if (quote === "`" && value.includes("${")) return undefined;
  if (placeholder.test(value)) return undefined;
  const start = at + expression.indexOf(quote) + 1;
  return { start, end: start + value.length };
}

/** Top-level argument ranges of the call whose "(" is at `open` (strings, brackets and nesting respected). */
function splitArguments(text: string, open: number): { start: number; end: number }[] {
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length && i < open + 4000; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === "`") {
      i = skipString(text, i);
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      if (depth === 0) {
        if (text.slice(start, i).trim() !== "") args.push({ start, end: i });
        return args;
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push({ start, end: i });
      start = i + 1;
    }
  }
  return args;
}

/** End of a value expression starting at `start`: the first top-level `,`, `;`, `)`, `}` or end of line. */
function findExpressionEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length && i < start + 2000; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === "`") {
      i = skipString(text, i);
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (ch === "," || ch === ";" || ch === "\n")) return i;
  }
  return Math.min(text.length, start + 2000);
}

/** Index of the closing quote of the string opening at `at` (or the line end when it is not closed). */
function skipString(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === quote) return i;
    else if (ch === "\n" && quote !== "`") return i;
  }
  return text.length;
}
