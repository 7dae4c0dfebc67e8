import type { Hunk } from "../diff/parse-patch.js";
import type { ConfigKey, OutboundDependency } from "./architecture-impact.js";
import { buildDiffSides, listChangedLines } from "./diff-sides.js";
import { isTestPath } from "./is-test-path.js";

const codeFile = /\.(?:[cm]?[jt]sx?|py|go|java|kt)$/;
const commentLine = /^\s*(?:\/\/|#|\*|\/\*|--)/;
// Hosts that name a standard or a schema, not a system the code talks to.
const notAService =
  /(?:^|\.)(?:w3\.org|json-schema\.org|schemas\.xmlsoap\.org|example\.(?:com|org|net)|localhost|127\.0\.0\.1|0\.0\.0\.0|xmlns\.com|apache\.org|springframework\.org)$/i;

// A line without any of these words matches no rule below: it is skipped without running them all.
const outboundHint =
  /axios|fetch|got|Client|client|requests|httpx|aiohttp|http\.|RestTemplate|WebClient|RestClient|OkHttp|topic|Topic|Kafka|kafka|Queue|queue|consume|Exchange|exchange|Rabbit|Arn|arn|publish|subscribe|Publish|Subscribe|Worker|task|Redis|redis|memcache|Memcached|Cacheable|cache/;

interface OutboundRule {
  kind: OutboundDependency["kind"];
  detail: string;
  pattern: RegExp;
  /** The name: a capture group's text, or a fixed client name. */
  name: (match: RegExpExecArray) => string;
}

const s = String.raw`['"\`]([^'"\`\s]{1,200})['"\`]`;

const outboundRules: OutboundRule[] = [
  // HTTP clients (the host is reported separately when the URL is literal).
  {
    kind: "http",
    detail: "client",
    pattern: /\baxios(?:\.create|\.(?:get|post|put|patch|delete|request))?\s*\(/g,
    name: () => "axios",
  },
  { kind: "http", detail: "client", pattern: /(?<![\w.])fetch\s*\(\s*(?!['"`]\/)/g, name: () => "fetch" },
  { kind: "http", detail: "client", pattern: /\bgot(?:\.(?:get|post|put|extend))?\s*\(/g, name: () => "got" },
  {
    kind: "http",
    detail: "client",
    pattern: /\bnew\s+(?:HttpClient|Undici\.Client|Client)\s*\(\s*['"`]https?:/g,
    name: () => "undici",
  },
  {
    kind: "http",
    detail: "client",
    pattern: /\brequests\.(?:get|post|put|patch|delete|request|Session)\s*\(/g,
    name: () => "requests",
  },
  {
    kind: "http",
    detail: "client",
    pattern: /\bhttpx\.(?:get|post|put|patch|delete|request|Client|AsyncClient)\s*\(/g,
    name: () => "httpx",
  },
  { kind: "http", detail: "client", pattern: /\baiohttp\.ClientSession\s*\(/g, name: () => "aiohttp" },
  {
    kind: "http",
    detail: "client",
    pattern: /\bhttp\.(?:Get|Post|PostForm|Head|NewRequest(?:WithContext)?)\s*\(|&http\.Client\s*\{/g,
    name: () => "net/http client",
  },
  {
    kind: "http",
    detail: "client",
    pattern:
      /\bnew\s+RestTemplate\s*\(|\bRestClient\.(?:create|builder)\s*\(|\bWebClient\.(?:create|builder)\s*\(/g,
    name: () => "Spring HTTP client",
  },
  {
    kind: "http",
    detail: "client",
    pattern: /\bnew\s+OkHttpClient\b|\bHttpClient\.new(?:Http)?(?:Client|Builder)\s*\(/g,
    name: () => "Java HTTP client",
  },
  // Message queues and topics.
  {
    kind: "queue",
    detail: "Kafka topic",
    pattern: new RegExp(String.raw`\btopics?\s*[:=]\s*\[?\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "Kafka topic",
    pattern: new RegExp(String.raw`@KafkaListener\([^)]*topics\s*=\s*\{?\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "Kafka topic",
    pattern: new RegExp(String.raw`kafkaTemplate\.send\(\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "Kafka topic",
    pattern: new RegExp(String.raw`\bTopic:\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "RabbitMQ queue",
    pattern: new RegExp(
      String.raw`\b(?:assertQueue|sendToQueue|consume|queue_declare|basic_consume|QueueDeclare)\(\s*(?:queue\s*=\s*)?${s}`,
      "g",
    ),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "RabbitMQ queue",
    pattern: new RegExp(String.raw`@RabbitListener\([^)]*queues\s*=\s*\{?\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "RabbitMQ exchange",
    pattern: new RegExp(
      String.raw`\b(?:assertExchange|exchange_declare|ExchangeDeclare)\(\s*(?:exchange\s*=\s*)?${s}`,
      "g",
    ),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "SQS queue",
    pattern: new RegExp(String.raw`\b(?:QueueUrl|queue_url|QueueName|queueUrl)\s*[:=(]\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "SNS topic",
    pattern: new RegExp(String.raw`\b(?:TopicArn|topic_arn|topicArn)\s*[:=]\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "BullMQ queue",
    pattern: new RegExp(String.raw`\bnew\s+(?:Queue|Worker)\(\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "Pub/Sub topic",
    pattern: new RegExp(String.raw`\.topic\(\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "NATS subject",
    pattern: new RegExp(String.raw`\b(?:nc|nats|js)\.(?:publish|subscribe|Publish|Subscribe)\(\s*${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "queue",
    detail: "Celery task",
    pattern: /@(?:shared_task|app\.task|celery\.task)\b/g,
    name: () => "Celery",
  },
  // Caches.
  {
    kind: "cache",
    detail: "client",
    pattern:
      /\bnew\s+(?:Redis|IORedis)\s*\(|\bredis\.(?:Redis|StrictRedis|from_url|createClient|NewClient)\s*\(|\bcreateClient\s*\(\s*\{\s*url\s*:\s*['"`]?redis/g,
    name: () => "Redis",
  },
  {
    kind: "cache",
    detail: "client",
    pattern: /\bmemcache(?:d)?\.(?:Client|New)\s*\(|\bnew\s+Memcached\s*\(/g,
    name: () => "Memcached",
  },
  {
    kind: "cache",
    detail: "cache",
    pattern: new RegExp(String.raw`@Cacheable\(\s*(?:(?:value|cacheNames)\s*=\s*)?${s}`, "g"),
    name: (m) => m[1]!,
  },
  {
    kind: "cache",
    detail: "cache",
    pattern: /\bcache\.(?:set|setex|put)\s*\(|@cache(?:d|_page)?\b/g,
    name: () => "application cache",
  },
];

/**
 * Systems the new code talks to: literal URL hosts, HTTP clients, message queues and topics (Kafka,
 * RabbitMQ, SQS, SNS, BullMQ, Pub/Sub, NATS, Celery), caches (Redis, Memcached, Spring caches). Read from
 * the added lines of code files, comments aside; a name also on a deleted line of the file is not new.
 */
export function extractOutbound(path: string, hunks: readonly Hunk[]): OutboundDependency[] {
  if (!codeFile.test(path) || isTestPath(path)) return [];
  const { head, base } = buildDiffSides(hunks);
  const removedText = listChangedLines(base)
    .map((l) => l.text)
    .join("\n");
  const out: OutboundDependency[] = [];
  const seen = new Set<string>();
  const add = (dep: OutboundDependency) => {
    const key = `${dep.kind}:${dep.name}`;
    if (seen.has(key) || removedText.includes(dep.name === "fetch" ? "fetch(" : dep.name)) return;
    seen.add(key);
    out.push(dep);
  };
  for (const { line, text } of listChangedLines(head)) {
    if (commentLine.test(text)) continue;
    for (const match of text.matchAll(
      /\b(?:https?|wss?|grpcs?):\/\/(?:[^\s/@'"`]+@)?([A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9-]+:\d+)/g,
    )) {
      const host = match[1]!.toLowerCase();
      if (!notAService.test(host.replace(/:\d+$/, "")))
        add({ kind: "http", detail: "host", name: host, path, line });
    }
    if (!outboundHint.test(text)) continue;
    for (const rule of outboundRules) {
      for (const match of text.matchAll(rule.pattern)) {
        add({ kind: rule.kind, detail: rule.detail, name: rule.name(match as RegExpExecArray), path, line });
      }
    }
  }
  return out;
}

const configHint = /env|getenv|Getenv|LookupEnv|@Value|viper|config|settings\./i;

const configRules: { source: ConfigKey["source"]; pattern: RegExp }[] = [
  { source: "environment", pattern: /\bprocess\.env\.([A-Z_][A-Z0-9_]*)/g },
  { source: "environment", pattern: /\bprocess\.env\[\s*['"`]([A-Za-z_][\w]*)['"`]\s*\]/g },
  { source: "environment", pattern: /\bimport\.meta\.env\.([A-Z_][A-Z0-9_]*)/g },
  { source: "environment", pattern: /\bos\.environ(?:\.get)?[[(]\s*['"]([A-Za-z_]\w*)['"]/g },
  { source: "environment", pattern: /\bos\.getenv\(\s*['"]([A-Za-z_]\w*)['"]/g },
  { source: "environment", pattern: /\bos\.(?:Getenv|LookupEnv)\(\s*"([A-Za-z_]\w*)"/g },
  { source: "environment", pattern: /\bSystem\.getenv\(\s*"([A-Za-z_]\w*)"/g },
  { source: "environment", pattern: /\benv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g },
  { source: "configuration", pattern: /@Value\(\s*"\$\{([\w.-]+)(?::[^}]*)?\}"/g },
  { source: "configuration", pattern: /\bviper\.Get\w*\(\s*"([\w.-]+)"/g },
  { source: "configuration", pattern: /\bconfig\.get\(\s*['"`]([\w.-]+)['"`]/g },
  {
    source: "configuration",
    pattern: /\bconfigService\.get(?:OrThrow)?(?:<[^>]*>)?\(\s*['"`]([\w.-]+)['"`]/g,
  },
  { source: "configuration", pattern: /\bsettings\.([A-Z][A-Z0-9_]+)\b/g },
];

/**
 * Environment variables and configuration keys the new code reads (`process.env.X`, `os.getenv("X")`,
 * `os.Getenv`, `System.getenv`, Spring `@Value("${x.y}")`, viper, node-config, Nest ConfigService, Django
 * settings) and variables added to `.env.example`-style files. A name also on a deleted line is not new.
 */
export function extractConfigKeys(path: string, hunks: readonly Hunk[]): ConfigKey[] {
  const envFile = /(^|\/)\.env(?:\.[\w-]+)?$|(^|\/)[\w-]*\.env$/.test(path);
  if (!envFile && (!codeFile.test(path) || isTestPath(path))) return [];
  const { head, base } = buildDiffSides(hunks);
  const removedText = listChangedLines(base)
    .map((l) => l.text)
    .join("\n");
  const out: ConfigKey[] = [];
  const seen = new Set<string>();
  for (const { line, text } of listChangedLines(head)) {
    if (envFile) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(text.replace(/^#\s*/, ""));
      if (m && !seen.has(m[1]!) && !removedText.includes(m[1]!)) {
        seen.add(m[1]!);
        out.push({ name: m[1]!, source: "environment", path, line });
      }
      continue;
    }
    if (commentLine.test(text) || !configHint.test(text)) continue;
    for (const rule of configRules) {
      for (const match of text.matchAll(rule.pattern)) {
        const name = match[1]!;
        if (seen.has(name) || removedText.includes(name)) continue;
        seen.add(name);
        out.push({ name, source: rule.source, path, line });
      }
    }
  }
  return out;
}
