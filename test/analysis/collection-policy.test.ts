import { describe, expect, it } from "@jest/globals";
import {
  collectAfterChars,
  defaultMemoryTargetMb,
  isCollectionDue,
  minCharsAboveTarget,
  readMemoryTarget,
} from "../../src/analysis/collection-policy.js";

const mb = 1024 * 1024;

describe("isCollectionDue", () => {
  it("collects after a million parsed characters whatever the memory", () => {
    const rss = () => 10 * mb;
    expect(
      isCollectionDue({ parsedChars: collectAfterChars, rssBytes: rss, memoryTargetBytes: 300 * mb }),
    ).toBe(true);
    expect(
      isCollectionDue({ parsedChars: collectAfterChars - 1, rssBytes: rss, memoryTargetBytes: 300 * mb }),
    ).toBe(false);
  });

  it("collects sooner over the memory target, but not for a few characters", () => {
    const over = () => 301 * mb;
    const target = 300 * mb;
    expect(
      isCollectionDue({ parsedChars: minCharsAboveTarget, rssBytes: over, memoryTargetBytes: target }),
    ).toBe(true);
    expect(
      isCollectionDue({ parsedChars: minCharsAboveTarget - 1, rssBytes: over, memoryTargetBytes: target }),
    ).toBe(false);
    expect(
      isCollectionDue({
        parsedChars: minCharsAboveTarget,
        rssBytes: () => 299 * mb,
        memoryTargetBytes: target,
      }),
    ).toBe(false);
  });

  it("reads the memory only when the answer depends on it", () => {
    let reads = 0;
    const rss = () => {
      reads += 1;
      return 0;
    };
    isCollectionDue({ parsedChars: 10, rssBytes: rss, memoryTargetBytes: mb });
    isCollectionDue({ parsedChars: collectAfterChars, rssBytes: rss, memoryTargetBytes: mb });
    expect(reads).toBe(0);
  });
});

describe("readMemoryTarget", () => {
  it("takes the pool's target, else the default", () => {
    expect(readMemoryTarget({ memoryTargetMb: 512 })).toBe(512 * mb);
    for (const data of [undefined, null, {}, { memoryTargetMb: "512" }, { memoryTargetMb: -1 }]) {
      expect(readMemoryTarget(data)).toBe(defaultMemoryTargetMb * mb);
    }
  });
});
