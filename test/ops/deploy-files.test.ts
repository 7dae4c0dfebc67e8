import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { createMetrics } from "../../src/ops/metrics.js";

// No Docker engine or compose plugin here: docker-compose.yml, the Prometheus config and the Grafana
// dashboard are checked structurally, and every metric they query must be one the app exports.

const read = (path: string) => readFileSync(path, "utf8");
// Compose resolves YAML merge keys (`<<: *architect`): so does this parse.
const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<
    string,
    {
      command?: string[];
      environment?: Record<string, string>;
      volumes?: string[];
      image?: string;
      build?: string;
    }
  >;
};
const prometheus = parse(read("deploy/prometheus/prometheus.yml")) as {
  rule_files: string[];
  scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
};
const alerts = parse(read("deploy/prometheus/alerts.yml")) as {
  groups: { rules: { alert: string; expr: string }[] }[];
};
const dashboard = JSON.parse(read("deploy/grafana/dashboards/backend-architect.json")) as {
  uid: string;
  panels: { title: string; targets: { expr: string }[] }[];
};

async function exportedMetricNames(): Promise<Set<string>> {
  const metrics = await createMetrics().registry.getMetricsAsJSON();
  const names = new Set<string>(["up"]);
  for (const metric of metrics) {
    names.add(metric.name);
    if (String(metric.type) === "histogram")
      for (const suffix of ["_bucket", "_sum", "_count"]) names.add(metric.name + suffix);
  }
  return names;
}

/** Metric names in a PromQL expression: identifiers followed by `{`, `[`, `)` or an operator, minus functions. */
function metricNamesIn(expr: string): string[] {
  return [...expr.matchAll(/\b(architect_[a-z_]+|up)\b/g)].map((match) => match[1] ?? "");
}

describe("docker-compose.yml", () => {
  it("runs the app, Redis, two workers, Prometheus and Grafana", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["app", "grafana", "prometheus", "redis", "worker-1", "worker-2"].sort(),
    );
    for (const name of ["worker-1", "worker-2"]) {
      expect(compose.services[name]?.command).toEqual(["node", "lib/main.js", "--worker"]);
      expect(compose.services[name]?.environment).toMatchObject({
        REDIS_URL: "redis://redis:6379",
        PORT: "9464",
      });
    }
    expect(compose.services.app?.environment).toMatchObject({
      APP_ROLE: "server",
      PRIVATE_KEY_PATH: "/run/secrets/app.pem",
    });
  });

  it("mounts files that exist in the repository", () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0] ?? "";
        if (source.startsWith("./deploy")) expect(existsSync(source)).toBe(true);
      }
    }
    expect(existsSync("deploy/grafana/provisioning/datasources/prometheus.yml")).toBe(true);
    expect(existsSync("deploy/grafana/provisioning/dashboards/dashboards.yml")).toBe(true);
  });

  it("has Prometheus scrape the server and both workers on the ports they serve /metrics on", () => {
    const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets));
    expect(targets.sort()).toEqual(["app:3000", "worker-1:9464", "worker-2:9464"]);
    expect(prometheus.rule_files).toEqual(["/etc/prometheus/alerts.yml"]);
  });
});

describe("dashboard and alert rules", () => {
  it("query only metrics the app exports", async () => {
    const exported = await exportedMetricNames();
    const queried = [
      ...dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => metricNamesIn(target.expr))),
      ...alerts.groups.flatMap((group) => group.rules.flatMap((rule) => metricNamesIn(rule.expr))),
    ];
    expect(queried.length).toBeGreaterThan(20);
    expect(queried.filter((name) => !exported.has(name))).toEqual([]);
  });

  it("cover what an operator must know", () => {
    const names = alerts.groups.flatMap((group) => group.rules.map((rule) => rule.alert));
    expect(names).toEqual(
      expect.arrayContaining([
        "ArchitectWebhookErrors",
        "ArchitectQueueBacklog",
        "ArchitectQueueStuck",
        "ArchitectReviewFailures",
        "ArchitectSlowReviews",
        "ArchitectModelErrors",
        "ArchitectModelSpendHigh",
        "ArchitectGitHubRateLimitLow",
      ]),
    );
    expect(dashboard.uid).toBe("backend-architect");
  });
});

describe("action.yml", () => {
  const action = parse(read("action.yml")) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: { run?: string; env?: Record<string, string> }[] };
  };

  it("runs the built entry point with its inputs, and the SARIF review through the package's command", () => {
    expect(Object.keys(action.inputs)).toEqual([
      "github-token",
      "anthropic-api-key",
      "model",
      "mode",
      "sarif-file",
    ]);
    expect(action.inputs["github-token"]?.default).toBe("${{ github.token }}");
    expect(action.runs.using).toBe("composite");
    const runs = action.runs.steps.map((step) => step.run ?? "").join("\n");
    expect(runs).toContain('node "${{ github.action_path }}/lib/action/run-action.js"');
    expect(runs).toContain("review --base");
    expect(existsSync("src/action/run-action.ts")).toBe(true);
    const reviewStep = action.runs.steps.find((step) => step.run?.includes("run-action.js"));
    expect(reviewStep?.env).toEqual({
      "INPUT_GITHUB-TOKEN": "${{ inputs.github-token }}",
      "INPUT_ANTHROPIC-API-KEY": "${{ inputs.anthropic-api-key }}",
      INPUT_MODEL: "${{ inputs.model }}",
    });
  });
});
