import { expect, it } from "@jest/globals";
import { serializeErrorForLog } from "../../src/security/serialize-error-for-log.js";

it("logs an error's own fields only: never the webhook payload, request or response hung on it", () => {
  const error = Object.assign(new Error("signature does not match event payload and secret"), {
    status: 400,
    event: { id: "d-1", name: "pull_request", payload: { pull_request: { title: "CANARY" } } },
    request: { headers: { authorization: "token ghs_abcdefghijklmnopqrstuvwxyz0123456789" } },
    response: { data: "CANARY" },
  });
  const logged = serializeErrorForLog(new Error("outer", { cause: error }));
  expect(JSON.stringify(logged)).not.toContain("CANARY");
  expect(JSON.stringify(logged)).not.toContain("ghs_");
  expect(logged.cause).toEqual(
    expect.objectContaining({ status: 400, deliveryId: "d-1", event: "pull_request", type: "Error" }),
  );
});
