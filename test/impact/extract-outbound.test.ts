import { describe, expect, it } from "@jest/globals";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { extractManifestDependencies } from "../../src/impact/extract-manifest-dependencies.js";
import { extractConfigKeys, extractOutbound } from "../../src/impact/extract-outbound.js";
import { buildAddedFile } from "./patch-helpers.js";

function outbound(path: string, code: string) {
  return extractOutbound(path, buildAddedFile(code)).map((o) => [o.kind, o.detail, o.name, o.line]);
}

// Snippets in the shape of each client library's README / documentation (named per case).
describe("extractOutbound", () => {
  it.each([
    {
      name: "axios README (github.com/axios/axios) and a literal host",
      path: "src/payments.ts",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test, not a template
      code: "const stripe = axios.create({ baseURL: 'https://api.stripe.com/v1', timeout: 5000 });\n// see https://docs.example.com/guide\nconst res = await fetch(`https://hooks.slack.com/services/${id}`);",
      expected: [
        ["http", "host", "api.stripe.com", 1],
        ["http", "client", "axios", 1],
        ["http", "host", "hooks.slack.com", 3],
        ["http", "client", "fetch", 3],
      ],
    },
    {
      name: "KafkaJS getting started (kafka.js.org/docs/getting-started)",
      path: "src/events.js",
      code: "await producer.send({\n  topic: 'test-topic',\n  messages: [{ value: 'Hello KafkaJS user!' }],\n})",
      expected: [["queue", "Kafka topic", "test-topic", 2]],
    },
    {
      name: "amqplib tutorial one (rabbitmq.com/tutorials/tutorial-one-javascript)",
      path: "src/send.js",
      code: "channel.assertQueue('hello', { durable: false });\nchannel.sendToQueue('hello', Buffer.from(msg));",
      expected: [["queue", "RabbitMQ queue", "hello", 1]],
    },
    {
      name: "redis-py and requests (redis.readthedocs.io, requests.readthedocs.io quickstart)",
      path: "app/cache.py",
      code: "r = redis.Redis(host='localhost', port=6379, db=0)\nresp = requests.get('https://api.github.com/events', timeout=5)",
      expected: [
        ["cache", "client", "Redis", 1],
        ["http", "host", "api.github.com", 2],
        ["http", "client", "requests", 2],
      ],
    },
    {
      name: "Go net/http client and go-redis (pkg.go.dev/net/http, redis.uptrace.dev/guide)",
      path: "internal/client/client.go",
      code: 'client := &http.Client{Timeout: 10 * time.Second}\nresp, err := client.Get("https://inventory.internal.acme.io/items")\nrdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})',
      expected: [
        ["http", "client", "net/http client", 1],
        ["http", "host", "inventory.internal.acme.io", 2],
        ["cache", "client", "Redis", 3],
      ],
    },
    {
      name: "Spring Kafka listener and @Cacheable (docs.spring.io/spring-kafka, spring-framework cache abstraction)",
      path: "src/main/java/com/acme/OrderListener.java",
      code: '@KafkaListener(topics = "orders.created", groupId = "billing")\npublic void on(Order order) {}\n@Cacheable("customers")\npublic Customer find(long id) { return repo.find(id); }',
      expected: [
        ["queue", "Kafka topic", "orders.created", 1],
        ["cache", "cache", "customers", 3],
      ],
    },
  ])("$name", ({ path, code, expected }) => {
    expect(outbound(path, code)).toEqual(expected);
  });

  it("does not report a client that a deleted line already used, nor test files", () => {
    const hunks = parsePatch(
      "@@ -1,1 +1,1 @@\n-const r = await axios.get(url);\n+const r = await axios.get(url, { timeout: 5000 });",
    );
    expect(extractOutbound("src/a.js", hunks)).toEqual([]);
    expect(outbound("test/a.test.js", "axios.get('https://api.stripe.com')")).toEqual([]);
  });
});

describe("extractConfigKeys", () => {
  it.each([
    {
      path: "src/config.ts",
      code: "const key = process.env.STRIPE_SECRET_KEY;\nconst url = process.env['DATABASE_URL'];",
      expected: ["STRIPE_SECRET_KEY", "DATABASE_URL"],
    },
    {
      path: "app/settings.py",
      code: 'DEBUG = os.environ.get("DEBUG")\nSECRET = os.getenv("APP_SECRET", "")',
      expected: ["DEBUG", "APP_SECRET"],
    },
    { path: "cmd/main.go", code: 'port := os.Getenv("PORT")', expected: ["PORT"] },
    {
      path: "src/main/java/App.java",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test, not a template
      code: '@Value("${billing.retry-count:3}")\nString token = System.getenv("BILLING_TOKEN");',
      expected: ["billing.retry-count", "BILLING_TOKEN"],
    },
    {
      path: ".env.example",
      code: "# Stripe\nSTRIPE_WEBHOOK_SECRET=\nFEATURE_X=true",
      expected: ["STRIPE_WEBHOOK_SECRET", "FEATURE_X"],
    },
  ])("$path", ({ path, code, expected }) => {
    expect(extractConfigKeys(path, buildAddedFile(code)).map((c) => c.name)).toEqual(expected);
  });
});

describe("extractManifestDependencies", () => {
  it("package.json: added dependencies, not upgrades nor scripts", () => {
    const hunks = parsePatch(
      [
        "@@ -1,8 +1,10 @@",
        " {",
        '   "scripts": {',
        '+    "lint": "biome check .",',
        '     "test": "jest"',
        "   },",
        '   "dependencies": {',
        '-    "express": "4.19.2",',
        '+    "express": "5.1.0",',
        '+    "stripe": "17.4.0",',
        '     "pg": "8.13.1"',
        "   }",
      ].join("\n"),
    );
    expect(
      extractManifestDependencies("package.json", hunks).map((d) => [d.name, d.version, d.line]),
    ).toEqual([["stripe", "17.4.0", 8]]);
  });

  it.each([
    {
      path: "requirements.txt",
      code: "fastapi==0.115.0\nhttpx>=0.27\n# comment\n",
      expected: [
        ["fastapi", "==0.115.0"],
        ["httpx", ">=0.27"],
      ],
    },
    {
      path: "go.mod",
      code: "require (\n\tgithub.com/gin-gonic/gin v1.10.0\n)",
      expected: [["github.com/gin-gonic/gin", "v1.10.0"]],
    },
    {
      path: "pom.xml",
      code: "<dependency>\n  <groupId>org.springframework.kafka</groupId>\n  <artifactId>spring-kafka</artifactId>\n  <version>3.3.0</version>\n</dependency>",
      expected: [["org.springframework.kafka:spring-kafka", "3.3.0"]],
    },
    {
      path: "build.gradle",
      code: "implementation 'com.squareup.okhttp3:okhttp:4.12.0'",
      expected: [["com.squareup.okhttp3:okhttp", "4.12.0"]],
    },
  ])("$path", ({ path, code, expected }) => {
    expect(extractManifestDependencies(path, buildAddedFile(code)).map((d) => [d.name, d.version])).toEqual(
      expected,
    );
  });
});
