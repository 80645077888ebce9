import { describe, expect, it } from "vitest";
import { size } from "./upload";

describe("a size as people read it", () => {
  it("picks the largest unit that keeps a number of at least one", () => {
    expect(size(512)).toBe("512 B");
    expect(size(1536)).toBe("1.5 KB");
    expect(size(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});
