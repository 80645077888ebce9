// The console's budgets, measured in Debian's Chromium (make bench, VIZORA_BENCH=console): the first
// page's JavaScript (gzip), first contentful paint and the time until the login form is usable, and
// the displays page with 10,000 displays (time to first rows, frame times while scrolling). The
// console's own built files are served from dist/; the APIs are answered by the page's route
// handler with a synthetic fleet, so the figures are the browser's work, not the services'. The
// bare ceiling of the same run: a blank page's paint and idle frames.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { extname, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
const server = createServer((request, response) => {
  const path = request.url.split("?")[0];
  const file = path.startsWith("/assets/") || path === "/favicon.svg" ? join(dist, path) : join(dist, "index.html");
  try {
    const body = readFileSync(file);
    response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = readFileSync(join(dist, "index.html"), "utf8");
const firstPageScripts = [...index.matchAll(/src="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]);
const gzipKb = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, "assets", file))).length, 0) / 1024;
const allScripts = readdirSync(join(dist, "assets")).filter((file) => file.endsWith(".js"));

const fleet = Array.from({ length: 10_000 }, (_, i) => ({
  displayId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, name: `Screen ${String(i).padStart(5, "0")}`, timeZone: "Europe/Berlin",
  groupIds: [], tags: [`floor-${i % 12}`], manifestVersion: 1, compiledAt: new Date().toISOString(),
  playing: { source: "campaign", campaignIds: [], contentId: null, since: null, nextAt: null, nextContentId: null },
  online: i % 10 !== 0, lastSeenAt: new Date().toISOString(), showing: null, outOfSyncSince: null,
}));
const api = {
  "/api/v1/auth/refresh": { accessToken: "bench", expiresIn: 600 },
  "/api/v1/me": { principal: "user:00000000-0000-4000-8000-000000000001", organisationId: "00000000-0000-4000-8000-000000000002", role: "owner", scopes: [] },
  "/api/v1/fleet": fleet, "/api/v1/display-groups": [], "/api/v1/campaign-overview": [],
};

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const fcp = (page) => page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  const frames = (page, scroll) => page.evaluate(async (scroll) => {
    const scroller = scroll ? document.querySelector('[aria-label="Display rows"]') : null;
    const deltas = [];
    let last = performance.now();
    const end = last + 2000;
    await new Promise((resolve) => {
      const tick = (now) => {
        deltas.push(now - last);
        last = now;
        if (scroller) scroller.scrollTop += 400;
        if (now < end) requestAnimationFrame(tick); else resolve();
      };
      requestAnimationFrame(tick);
    });
    return deltas.slice(1);
  }, scroll);

  const blank = await browser.newPage();
  await blank.goto("about:blank");
  await blank.setContent("<p>blank</p>");
  const idle = await frames(blank, false);

  const signedOut = await browser.newPage();
  await signedOut.route("**/api/v1/**", (route) => route.fulfill({ status: 401, contentType: "application/problem+json", body: '{"title":"Not authenticated","status":401}' }));
  const started = Date.now();
  await signedOut.goto(`${origin}/login`);
  await signedOut.getByRole("button", { name: "Log in" }).waitFor();
  const usable = Date.now() - started;
  const loginPaint = await fcp(signedOut);

  const operator = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await operator.route("**/api/v1/**", (route) => {
    const body = api[new URL(route.request().url()).pathname];
    return route.fulfill(body ? { status: 200, contentType: "application/json", body: JSON.stringify(body) } : { status: 404, body: "" });
  });
  const opened = Date.now();
  await operator.goto(`${origin}/displays`);
  await operator.getByRole("row").filter({ hasText: "Screen 00000" }).waitFor({ timeout: 60_000 });
  const firstRows = Date.now() - opened;
  const rowsInDom = await operator.getByRole("row").count();
  const scrolling = await frames(operator, true);

  console.log(`console: first page's JavaScript ${gzipKb(firstPageScripts).toFixed(1)} KB gzip (all JavaScript ${gzipKb(allScripts).toFixed(1)} KB; budget 250 KB)`);
  console.log(`console: login page first contentful paint ${loginPaint.toFixed(0)} ms, usable (form drawn, session checked) after ${usable} ms`);
  console.log(`console: displays page with 10,000 displays: first rows after ${firstRows} ms, ${rowsInDom} rows in the DOM`);
  console.log(`console: frame times while scrolling: p50 ${percentile(scrolling, 0.5).toFixed(1)} ms, p95 ${percentile(scrolling, 0.95).toFixed(1)} ms, max ${Math.max(...scrolling).toFixed(1)} ms (${scrolling.length} frames)`);
  console.log(`ceiling: idle frames p50 ${percentile(idle, 0.5).toFixed(1)} ms, p95 ${percentile(idle, 0.95).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}
