import { afterEach, vi } from "vitest";
import { cleanup } from "@testing-library/react";

// every component test starts from an empty page and the real fetch
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
