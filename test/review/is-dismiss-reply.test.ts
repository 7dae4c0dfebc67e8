import { describe, expect, it } from "@jest/globals";
import { isDismissReply } from "../../src/review/load-earlier-findings.js";

describe("isDismissReply", () => {
  it.each([
    "/architect dismiss",
    "/architect dismiss validated upstream",
    "/Architect Dismiss",
    "False positive",
    "false positive: the id is an integer",
    "This is a false positive.",
    "It's a false positive",
    "Won't fix",
    "wont fix — legacy table",
    "won’t fix",
    "Not an issue",
    "not a problem here",
    "That is not an issue",
    "By design.",
    "Intentional: we want the full scan here",
  ])("dismisses: %s", (body) => {
    expect(isDismissReply(body)).toBe(true);
  });

  it.each([
    "Is this a false positive?",
    "Good catch, will fix",
    "/architect explain",
    "/architect dismissal policy?",
    "I think this is not an issue for prod but let's discuss",
    "not sure",
    "",
  ])("does not dismiss: %s", (body) => {
    expect(isDismissReply(body)).toBe(false);
  });
});
