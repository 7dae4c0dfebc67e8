import { describe, expect, it } from "@jest/globals";
import { buildSarifLog } from "../../src/cli/build-sarif-log.js";
import { sqlStringBuilding } from "../../src/detectors/sql-string-building.js";
import {
  buildReport,
  leakFinding,
  modelSecurityFinding,
  secretFinding,
  sqlFinding,
} from "./report-fixtures.js";

describe("buildSarifLog", () => {
  it("builds a SARIF 2.1.0 log for GitHub code scanning: rules per detector and model category", () => {
    const log = buildSarifLog(buildReport());
    expect(log).toEqual({
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "Backend Architect",
              informationUri: "https://github.com/apps/backend-architect",
              rules: [
                {
                  id: "model/security",
                  shortDescription: { text: "Security problem found by Claude" },
                  help: {
                    text: expect.stringContaining("found a security problem"),
                    markdown: expect.stringContaining("found a security problem"),
                  },
                  defaultConfiguration: { level: "note" },
                  properties: {
                    tags: ["security", "model"],
                    precision: "medium",
                    "problem.severity": "recommendation",
                    "security-severity": "3.0",
                  },
                },
                {
                  id: "sql-string-building",
                  shortDescription: { text: sqlStringBuilding.title },
                  help: { text: sqlStringBuilding.body, markdown: sqlStringBuilding.body },
                  defaultConfiguration: { level: "error" },
                  properties: {
                    tags: ["security", "rule-based", "sql-injection", "external/cwe/cwe-089"],
                    precision: "high",
                    "problem.severity": "error",
                    "security-severity": "8.0",
                  },
                },
                {
                  id: "model/reliability",
                  shortDescription: { text: "Reliability problem found by Claude" },
                  help: {
                    text: expect.stringContaining("found a reliability problem"),
                    markdown: expect.stringContaining("found a reliability problem"),
                  },
                  defaultConfiguration: { level: "warning" },
                  properties: {
                    tags: ["reliability", "model"],
                    precision: "medium",
                    "problem.severity": "warning",
                  },
                },
                {
                  id: "secret/github-token",
                  shortDescription: { text: "Hard-coded credential" },
                  help: { text: secretFinding.body, markdown: secretFinding.body },
                  defaultConfiguration: { level: "error" },
                  properties: {
                    tags: ["security", "rule-based", "hardcoded-secret", "external/cwe/cwe-798"],
                    precision: "high",
                    "problem.severity": "error",
                    "security-severity": "9.5",
                  },
                },
              ],
            },
          },
          results: [
            {
              ruleId: "model/security",
              ruleIndex: 0,
              level: "note",
              message: { text: `${modelSecurityFinding.title}\n\n${modelSecurityFinding.body}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "src/routes/users.js" },
                    region: { startLine: 8, endLine: 8 },
                  },
                },
              ],
              partialFingerprints: { "backendArchitect/v2": "7777aaaa8888bbbb" },
              properties: {
                severity: "low",
                category: "security",
                confidence: 0.7,
                source: "model",
                identityKeys: ["7777aaaa8888bbbb"],
                "security-severity": "3.0",
              },
            },
            {
              ruleId: "sql-string-building",
              ruleIndex: 1,
              level: "error",
              message: { text: `${sqlFinding.title}\n\n${sqlFinding.body}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "src/routes/users.js" },
                    region: { startLine: 11, endLine: 11 },
                  },
                },
              ],
              partialFingerprints: { "backendArchitect/v2": "1111aaaa2222bbbb" },
              properties: {
                severity: "high",
                category: "security",
                confidence: 0.85,
                source: "rule",
                identityKeys: ["1111aaaa2222bbbb"],
                "security-severity": "8.0",
              },
            },
            {
              ruleId: "model/reliability",
              ruleIndex: 2,
              level: "warning",
              message: { text: `${leakFinding.title}\n\n${leakFinding.body}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "src/routes/users.js" },
                    region: { startLine: 14, endLine: 15 },
                  },
                },
              ],
              partialFingerprints: { "backendArchitect/v2": "3333cccc4444dddd" },
              properties: {
                severity: "medium",
                category: "reliability",
                confidence: 0.9,
                source: "model",
                identityKeys: ["3333cccc4444dddd"],
              },
            },
            {
              ruleId: "secret/github-token",
              ruleIndex: 3,
              level: "error",
              message: { text: `${secretFinding.title}\n\n${secretFinding.body}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "services/my%20app/config.py" },
                    region: { startLine: 3, endLine: 3 },
                  },
                },
              ],
              partialFingerprints: { "backendArchitect/v2": "5555eeee6666ffff" },
              properties: {
                severity: "critical",
                category: "security",
                confidence: 0.95,
                source: "rule",
                identityKeys: ["5555eeee6666ffff"],
                "security-severity": "9.5",
              },
            },
          ],
        },
      ],
    });
  });

  it("files a model finding a detector confirmed under the detector's rule, once", () => {
    const confirmed = { ...sqlFinding, source: "model" as const, line: 12, fingerprint: "9999" };
    const log = buildSarifLog(buildReport({ findings: [sqlFinding, confirmed] }));
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(["sql-string-building"]);
    expect(run.results.map((result) => [result.ruleId, result.ruleIndex])).toEqual([
      ["sql-string-building", 0],
      ["sql-string-building", 0],
    ]);
  });

  it("gives a valid empty run when there are no findings", () => {
    const log = buildSarifLog(buildReport({ findings: [], failing: 0 }));
    expect(log.runs).toEqual([
      {
        tool: {
          driver: {
            name: "Backend Architect",
            informationUri: "https://github.com/apps/backend-architect",
            rules: [],
          },
        },
        results: [],
      },
    ]);
  });
});
