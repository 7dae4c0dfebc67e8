import { type Permission, permissions } from "../config/repo-config.js";

/**
 * The one Octokit call this module makes, typed structurally so that Probot's client and
 * `@octokit/rest`'s `Octokit` both fit.
 */
export interface CollaboratorPermissionClient {
  rest: {
    repos: {
      getCollaboratorPermissionLevel(params: {
        owner: string;
        repo: string;
        username: string;
      }): Promise<{ data: { permission: string; role_name?: string } }>;
    };
  };
}

export interface TriggerPermission {
  allowed: boolean;
  /** The role used for the decision: admin, maintain, write, triage, read, none (or a legacy value). */
  permission: string;
}

/**
 * Decides whether `username` may trigger work with a command. `role_name` (newer API versions) tells
 * maintain and triage apart, which `permission` folds into write and read; a custom role name falls back
 * to `permission`, its base role. Someone who is not a collaborator (404) has `none`.
 *
 * @example
 * await getTriggerPermission(octokit, { owner, repo, username: "alice" }, ["admin", "maintain", "write"]);
 * // { allowed: true, permission: "maintain" }
 */
export async function getTriggerPermission(
  octokit: CollaboratorPermissionClient,
  params: { owner: string; repo: string; username: string },
  allowed: readonly Permission[],
): Promise<TriggerPermission> {
  let data: { permission: string; role_name?: string };
  try {
    ({ data } = await octokit.rest.repos.getCollaboratorPermissionLevel(params));
  } catch (error) {
    if (getStatus(error) === 404) return { allowed: false, permission: "none" };
    throw new Error(`Failed to read the permission of ${params.username} on ${params.owner}/${params.repo}`, {
      cause: error,
    });
  }
  const permission = isPermission(data.role_name) ? data.role_name : data.permission;
  return { allowed: isPermission(permission) && allowed.includes(permission), permission };
}

function isPermission(value: string | undefined): value is Permission {
  return permissions.some((permission) => permission === value);
}

function getStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}
