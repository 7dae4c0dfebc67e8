import type { Rule } from "@ast-grep/napi";
import { insideHandler } from "./context-rules.js";
import type { Detector } from "./detector.js";
import { findRuleHits } from "./find-rule-hits.js";
import { matchesAllPatterns } from "./prefilter.js";

const blockingCalls =
  "^(readFileSync|writeFileSync|appendFileSync|readdirSync|statSync|lstatSync|mkdirSync|copyFileSync|renameSync|" +
  "unlinkSync|rmSync|openSync|readSync|writeSync|pbkdf2Sync|scryptSync|generateKeyPairSync|execSync|execFileSync|" +
  "spawnSync|gzipSync|gunzipSync|deflateSync|inflateSync|brotliCompressSync|brotliDecompressSync|hashSync|" +
  "compareSync|genSaltSync)$";

const rule: Rule = {
  kind: "call_expression",
  any: [
    { has: { field: "function", kind: "identifier", regex: blockingCalls } },
    {
      has: { field: "function", kind: "member_expression", has: { field: "property", regex: blockingCalls } },
    },
  ],
  ...insideHandler("js"),
};

export const syncIoInHandler: Detector = {
  id: "sync-io-in-handler",
  languages: ["javascript", "typescript", "tsx"],
  category: "performance",
  severity: "medium",
  confidence: 0.9,
  title: "Blocking synchronous call inside a request handler",
  body:
    "This synchronous file, crypto, compression or process call runs on the event loop while a request is being " +
    "served, so every other request on the process waits for it; key derivation and large files take tens to " +
    "hundreds of milliseconds each. Use the asynchronous form (`await fs.promises.readFile`, " +
    "`util.promisify(crypto.scrypt)`, `await bcrypt.hash`, `execFile` with a callback/promise), or do the work " +
    "once at start-up and cache the result.",
  prefilter: matchesAllPatterns([/Sync\s*\(/]),
  detect: (input) => findRuleHits(input, { js: rule }),
};
