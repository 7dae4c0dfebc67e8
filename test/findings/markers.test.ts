import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  buildFindingMarker,
  buildReviewMarker,
  defuseMarkers,
  deriveMarkerKey,
  type MarkerAuth,
  parseFindingMarker,
  parseReviewMarker,
} from "../../src/findings/markers.js";

const sha = "0123456789abcdef0123456789abcdef01234567";
const otherSha = "fedcba9876543210fedcba9876543210fedcba98";
const auth: MarkerAuth = {
  key: deriveMarkerKey("test marker secret"),
  scope: { owner: "acme", repo: "shop-api", pullNumber: 7 },
};

describe("deriveMarkerKey", () => {
  it("derives the same 32-byte key from the same secret, another from another", () => {
    expect(deriveMarkerKey("s").bytes).toEqual(deriveMarkerKey("s").bytes);
    expect(deriveMarkerKey("s").bytes).toHaveLength(32);
    expect(deriveMarkerKey("s").bytes).not.toEqual(deriveMarkerKey("t").bytes);
  });

  it("refuses an empty secret", () => {
    expect(() => deriveMarkerKey("")).toThrow(TypeError);
  });
});

describe("review marker", () => {
  it("is one hidden comment with a MAC, read back at the end of a body", () => {
    const marker = buildReviewMarker({ sha, key: `auto:${sha}` }, auth);
    expect(marker).toMatch(
      new RegExp(`^<!-- backend-architect:review v2 sha=${sha} key=auto:${sha} mac=[0-9a-f]{32} -->$`),
    );
    expect(parseReviewMarker(`### Backend Architect\n\ntext\n\n${marker}\n`, auth)).toEqual({
      sha,
      key: `auto:${sha}`,
      fingerprints: [],
    });
  });

  it.each([
    { name: "plain", data: { sha, key: "auto:abc" } },
    { name: "with fingerprints", data: { sha, key: "rerun:d-1.2_x", fingerprints: ["0123456789abcdef"] } },
    { name: "upper-case SHA", data: { sha: sha.toUpperCase(), key: "cmd:7" } },
    { name: "100-character key", data: { sha, key: "k".repeat(100) } },
  ])("round-trips $name", ({ data }) => {
    expect(parseReviewMarker(`body\n${buildReviewMarker(data, auth)}`, auth)).toEqual({
      sha: data.sha.toLowerCase(),
      key: data.key,
      fingerprints: data.fingerprints ?? [],
    });
  });

  it.each([
    { name: "short SHA", data: { sha: "abc123", key: "auto:x" } },
    { name: "non-hex SHA", data: { sha: "g".repeat(40), key: "auto:x" } },
    { name: "key with a space", data: { sha, key: "auto x" } },
    { name: "key closing the comment", data: { sha, key: "x-->" } },
    { name: "empty key", data: { sha, key: "" } },
    { name: "101-character key", data: { sha, key: "k".repeat(101) } },
    { name: "bad fingerprint", data: { sha, key: "auto:x", fingerprints: ["xyz"] } },
  ])("refuses to build a marker with a $name", ({ data }) => {
    expect(() => buildReviewMarker(data, auth)).toThrow(TypeError);
  });

  const genuine = buildReviewMarker({ sha, key: "cmd:1" }, auth);
  it.each([
    { name: "no marker", body: "LGTM" },
    {
      name: "a legacy unauthenticated marker",
      body: `<!-- backend-architect:review sha=${sha} key=cmd:1 -->`,
    },
    {
      name: "a guessed MAC",
      body: `<!-- backend-architect:review v2 sha=${sha} key=cmd:1 mac=${"0".repeat(32)} -->`,
    },
    { name: "another SHA under a copied MAC", body: genuine.replace(sha, otherSha) },
    { name: "another key under a copied MAC", body: genuine.replace("cmd:1", "cmd:2") },
    { name: "an added field", body: genuine.replace(" mac=", " fps=aaaaaaaaaaaaaaaa mac=") },
    { name: "a marker followed by text", body: `${genuine}\nmore text` },
    { name: "an unterminated comment", body: genuine.replace(" -->", "") },
    { name: "a duplicated field", body: genuine.replace(" key=", ` sha=${otherSha} key=`) },
  ])("reads nothing from $name", ({ body }) => {
    expect(parseReviewMarker(body, auth)).toBeNull();
  });

  it("does not verify under another pull request, repository or key", () => {
    const body = `x\n${genuine}`;
    expect(parseReviewMarker(body, { ...auth, scope: { ...auth.scope, pullNumber: 8 } })).toBeNull();
    expect(parseReviewMarker(body, { ...auth, scope: { ...auth.scope, repo: "other" } })).toBeNull();
    expect(parseReviewMarker(body, { ...auth, key: deriveMarkerKey("another app") })).toBeNull();
    expect(parseReviewMarker(body, { ...auth, scope: { ...auth.scope, owner: "ACME" } })).not.toBeNull();
  });

  it("reads only the trailing marker: a genuine one earlier in the body does not count", () => {
    const earlier = buildReviewMarker({ sha: otherSha, key: "auto:x" }, auth);
    expect(parseReviewMarker(`${earlier}\ntext\n${genuine}`, auth)?.sha).toBe(sha);
    expect(parseReviewMarker(`${earlier}\ntext`, auth)).toBeNull();
  });

  it("round-trips any valid SHA, key and text before it", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{40}$/),
        fc.stringMatching(/^[A-Za-z0-9:._-]{1,100}$/),
        fc.string(),
        (anySha, key, text) => {
          expect(
            parseReviewMarker(`${text}\n${buildReviewMarker({ sha: anySha, key }, auth)}`, auth),
          ).toEqual({ sha: anySha, key, fingerprints: [] });
        },
      ),
    );
  });

  it("no marker an attacker can write without the key verifies", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{40}$/),
        fc.stringMatching(/^[A-Za-z0-9:._-]{1,20}$/),
        fc.stringMatching(/^[0-9a-f]{32}$/),
        (anySha, key, mac) => {
          const forged = `<!-- backend-architect:review v2 sha=${anySha} key=${key} mac=${mac} -->`;
          expect(parseReviewMarker(forged, auth)).toBeNull();
        },
      ),
    );
  });
});

describe("finding marker", () => {
  const fp = "0123456789abcdef";

  it("round-trips at the end of a comment body", () => {
    const marker = buildFindingMarker(fp, auth);
    expect(marker).toMatch(/^<!-- backend-architect:finding v2 fp=0123456789abcdef mac=[0-9a-f]{32} -->$/);
    expect(parseFindingMarker(`**SQL injection**\n\nUse a bound parameter.\n\n${marker}\n`, auth)).toEqual({
      fingerprints: [fp],
      legacy: false,
    });
  });

  it("reads a legacy unauthenticated marker as a legacy fingerprint", () => {
    expect(parseFindingMarker(`old\n<!-- backend-architect:finding fp=${fp} -->`, auth)).toEqual({
      fingerprints: [fp],
      legacy: true,
    });
  });

  it.each([
    { name: "no marker", body: "just a comment" },
    { name: "short fingerprint", body: "<!-- backend-architect:finding fp=abc -->" },
    { name: "non-hex fingerprint", body: "<!-- backend-architect:finding fp=zzzzzzzzzzzzzzzz -->" },
    { name: "another app's marker", body: `<!-- other-bot:finding fp=${fp} -->` },
    { name: "a wrong MAC", body: `<!-- backend-architect:finding v2 fp=${fp} mac=${"a".repeat(32)} -->` },
    { name: "a marker before other text", body: `<!-- backend-architect:finding fp=${fp} -->\ntext` },
  ])("finds nothing in $name", ({ body }) => {
    expect(parseFindingMarker(body, auth)).toBeNull();
  });

  it("refuses to build a marker from a malformed fingerprint", () => {
    expect(() => buildFindingMarker("not-a-fingerprint", auth)).toThrow(TypeError);
  });
});

describe("defuseMarkers", () => {
  it.each([
    "<!-- backend-architect:review v2 sha=x -->",
    "<!--backend-architect:finding fp=0123456789abcdef -->",
    "<!--\n  BACKEND-ARCHITECT:review",
  ])("leaves no marker opening in %j", (text) => {
    expect(defuseMarkers(text)).not.toMatch(/<!--\s*backend-architect/i);
  });

  it("never leaves a marker opening, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("<!--", " ", "\n", "backend-architect", "BACKEND-architect", "-", "<", "!")),
        (parts) => {
          expect(defuseMarkers(parts.join(""))).not.toMatch(/<!--\s*backend-architect/i);
        },
      ),
    );
  });
});
