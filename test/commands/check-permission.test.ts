import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import nock from "nock";
import { getTriggerPermission } from "../../src/commands/check-permission.js";
import type { Permission } from "../../src/config/repo-config.js";

const repo = { owner: "acme", repo: "billing" };
const defaultAllowed: Permission[] = ["admin", "maintain", "write"];

/** GitHub's answer for a collaborator: `permission` is the legacy value, `role_name` the real role. */
function mockPermission(username: string, permission: string, roleName?: string): nock.Scope {
  return nock("https://api.github.com")
    .get(`/repos/acme/billing/collaborators/${username}/permission`)
    .reply(200, {
      permission,
      ...(roleName === undefined ? {} : { role_name: roleName }),
      user: { login: username, id: 1, type: "User" },
    });
}

function mockNotCollaborator(username: string): nock.Scope {
  return nock("https://api.github.com")
    .get(`/repos/acme/billing/collaborators/${username}/permission`)
    .reply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
}

const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

function createOctokit(): Octokit {
  return new Octokit({ auth: "test", request: { retries: 0 }, log: silentLog });
}

describe("getTriggerPermission", () => {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(pending).toEqual([]);
  });

  const cases: {
    name: string;
    permission: string;
    roleName?: string;
    allowed?: Permission[];
    expected: { allowed: boolean; permission: string };
  }[] = [
    {
      name: "admin is allowed",
      permission: "admin",
      roleName: "admin",
      expected: { allowed: true, permission: "admin" },
    },
    {
      name: "maintain (reported as write) is allowed",
      permission: "write",
      roleName: "maintain",
      expected: { allowed: true, permission: "maintain" },
    },
    {
      name: "write is allowed",
      permission: "write",
      roleName: "write",
      expected: { allowed: true, permission: "write" },
    },
    {
      name: "triage (reported as read) is refused",
      permission: "read",
      roleName: "triage",
      expected: { allowed: false, permission: "triage" },
    },
    {
      name: "read is refused",
      permission: "read",
      roleName: "read",
      expected: { allowed: false, permission: "read" },
    },
    { name: "none is refused", permission: "none", expected: { allowed: false, permission: "none" } },
    {
      name: "without role_name (older API) permission decides",
      permission: "write",
      expected: { allowed: true, permission: "write" },
    },
    {
      name: "a custom role falls back to its base permission",
      permission: "write",
      roleName: "security-reviewer",
      expected: { allowed: true, permission: "write" },
    },
    {
      name: "allowed roles are configurable: write refused when only admin is allowed",
      permission: "write",
      roleName: "write",
      allowed: ["admin"],
      expected: { allowed: false, permission: "write" },
    },
    {
      name: "allowed roles are configurable: triage allowed when listed",
      permission: "read",
      roleName: "triage",
      allowed: ["admin", "maintain", "write", "triage"],
      expected: { allowed: true, permission: "triage" },
    },
    {
      name: "an empty list allows nobody",
      permission: "admin",
      roleName: "admin",
      allowed: [],
      expected: { allowed: false, permission: "admin" },
    },
  ];

  it.each(cases)("$name", async ({ permission, roleName, allowed, expected }) => {
    const scope = mockPermission("alice", permission, roleName);
    await expect(
      getTriggerPermission(createOctokit(), { ...repo, username: "alice" }, allowed ?? defaultAllowed),
    ).resolves.toEqual(expected);
    expect(scope.isDone()).toBe(true);
  });

  it("refuses someone who is not a collaborator (404)", async () => {
    const scope = mockNotCollaborator("mallory");
    await expect(
      getTriggerPermission(createOctokit(), { ...repo, username: "mallory" }, defaultAllowed),
    ).resolves.toEqual({
      allowed: false,
      permission: "none",
    });
    expect(scope.isDone()).toBe(true);
  });

  it("throws a wrapped error on other failures", async () => {
    const scope = nock("https://api.github.com")
      .get("/repos/acme/billing/collaborators/alice/permission")
      .reply(500, { message: "Server Error" });
    const promise = getTriggerPermission(createOctokit(), { ...repo, username: "alice" }, defaultAllowed);
    await expect(promise).rejects.toThrow("Failed to read the permission of alice on acme/billing");
    await expect(promise).rejects.toHaveProperty("cause.status", 500);
    expect(scope.isDone()).toBe(true);
  });
});
