import { describe, expect, it } from "vitest";
import { isCompletePairingCode, normalisePairingCode } from "./pairingCode";

describe("a pairing code as the operator types it", () => {
  it("is upper-cased and gets its dash wherever it was left out", () => {
    expect(normalisePairingCode("abcd2345")).toBe("ABCD-2345");
    expect(normalisePairingCode("ab cd-23 45")).toBe("ABCD-2345");
  });

  it("is complete only with eight characters", () => {
    expect(isCompletePairingCode(normalisePairingCode("abcd234"))).toBe(false);
    expect(isCompletePairingCode(normalisePairingCode("abcd-2345"))).toBe(true);
  });

  it("keeps a partial code as typed so far", () => {
    expect(normalisePairingCode("ab")).toBe("AB");
  });
});
