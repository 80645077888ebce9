import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The console is served by the edge (services/edge) from dist/; in development, `npm run dev`
// proxies the APIs to an edge on the default port so that cookies and paths are as in production.
export default defineConfig({
  plugins: [react()],
  build: { sourcemap: false, assetsInlineLimit: 0 },
  server: {
    proxy: Object.fromEntries(["/api", "/device", "/partner", "/.well-known"].map((path) => [path, "http://127.0.0.1:28080"])),
  },
  // One jsdom per worker, not per file: building it was 12 of the suite's 28 s (tests: 4 s). Each
  // test still starts from an empty page and the real fetch (src/testing/setup.ts), and the files
  // pass in any order (checked with --sequence.shuffle).
  test: { environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"], setupFiles: ["src/testing/setup.ts"], isolate: false },
});
