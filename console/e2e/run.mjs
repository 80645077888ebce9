// The console as an operator meets it, in real Chromium (Debian's, driven by playwright-core), against
// a running edge: sign up (a refused password shown beside its field), pair the player agent whose
// code PAIRING_CODE is, see it come online on the displays page and the dashboard, stay signed in
// across a reload with no token where scripts can read it, and no serious or critical accessibility
// violation on any page (axe-core). Run by ConsoleIntegrationTests (make test); exits non-zero on failure.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const edge = required("EDGE_URL");
const code = required("PAIRING_CODE");
const screenshot = process.env.SCREENSHOT ?? join(dirname(fileURLToPath(import.meta.url)), "output", "dashboard.png");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function step(name) {
  console.log(`console e2e: ${name}`);
}

async function accessible(page, name) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  if (serious.length > 0) {
    throw new Error(`${name}: accessibility violations: ${serious.map((v) => `${v.id} at ${v.nodes.map((node) => node.target.join(" ")).join(" | ")}`).join(", ")}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));

  step("a signed-out operator lands on the login page");
  await page.goto(`${edge}/displays`);
  await page.getByRole("heading", { name: "Log in to Vizora" }).waitFor();
  if (!page.url().includes("next=%2Fdisplays")) throw new Error(`the login page forgot where the operator was going: ${page.url()}`);
  await accessible(page, "login");

  step("sign-up refuses a short password beside its field");
  await page.getByRole("link", { name: "Create an organisation" }).click();
  const email = `console-${Date.now()}@example.org`;
  await page.getByLabel("Organisation").fill("Console Café");
  await page.getByLabel("Your name").fill("Olive Operator");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create organisation" }).click();
  const passwordError = page.locator(".field", { has: page.getByLabel("Password") }).getByRole("alert");
  await passwordError.waitFor();
  await accessible(page, "sign-up with a refusal");

  step("sign-up with a good password signs in");
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  await accessible(page, "dashboard");

  step("no token is where a script can read it");
  const readable = await page.evaluate(() => JSON.stringify({ cookies: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } }));
  if (/vizora_refresh|eyJ/.test(readable)) throw new Error(`a token is readable by scripts: ${readable}`);

  step("pair the screen by the code it shows, typed carelessly");
  await page.getByRole("link", { name: "Displays" }).click();
  await page.getByText("No displays yet").waitFor();
  await accessible(page, "displays, empty");
  await page.getByRole("link", { name: "Pair the first one" }).click();
  await page.getByLabel("Pairing code").fill(code.toLowerCase().replace("-", ""));
  await page.getByLabel("Name").fill("Lobby screen");
  await accessible(page, "pair a display");
  await page.getByRole("button", { name: "Pair" }).click();
  await page.getByRole("heading", { name: "Lobby screen is paired" }).waitFor();
  step("the screen is seen coming online");
  await page.getByText("the screen is connected").waitFor({ timeout: 60_000 });

  step("the displays table and the dashboard show it online");
  await page.getByRole("link", { name: "Back to displays" }).click();
  await page.getByRole("row").filter({ hasText: "Lobby screen" }).getByText("online").waitFor({ timeout: 30_000 });
  await accessible(page, "displays");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.locator(".metric", { hasText: "Online" }).locator(".value", { hasText: "1" }).waitFor({ timeout: 30_000 });

  step("a group is created and listed");
  await page.getByRole("link", { name: "Groups" }).click();
  await page.getByText("No groups yet").waitFor();
  await page.getByLabel("New group").fill("Ground floor");
  await page.getByRole("button", { name: "Create group" }).click();
  await page.getByRole("list", { name: "Groups" }).getByText("Ground floor").waitFor();
  await accessible(page, "groups");

  step("an image is uploaded with its progress and joins the library");
  await page.getByRole("link", { name: "Content" }).click();
  await page.getByText("The library is empty").waitFor();
  await accessible(page, "content, empty");
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  await page.getByLabel("Files to upload").setInputFiles({ name: "welcome.png", mimeType: "image/png", buffer: png });
  await page.getByRole("list", { name: "Uploads" }).getByText("uploaded").waitFor();
  await page.getByRole("list", { name: "Content" }).getByText("welcome.png").waitFor();
  await accessible(page, "content");

  step("a reload keeps the session (the refresh cookie), and returns to the same page");
  await page.goto(`${edge}/displays`);
  await page.getByRole("row").filter({ hasText: "Lobby screen" }).waitFor();

  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  step(`screenshot: ${screenshot}`);

  step("log out ends the session");
  await page.getByRole("button", { name: "Log out" }).click();
  await page.goto(`${edge}/`);
  await page.getByRole("heading", { name: "Log in to Vizora" }).waitFor();

  if (problems.length > 0) throw new Error(`errors on the page: ${problems.join("; ")}`);
  step("passed");
} catch (failure) {
  // what the page showed when it failed, beside the log
  const page = browser.contexts()[0]?.pages()[0];
  if (page) {
    const output = join(dirname(fileURLToPath(import.meta.url)), "output");
    mkdirSync(output, { recursive: true });
    await page.screenshot({ path: join(output, "failure.png"), fullPage: true }).catch(() => undefined);
    console.log(`console e2e: failed at ${page.url()}; the page's text:\n${await page.locator("body").innerText().catch(() => "")}`);
  }
  throw failure;
} finally {
  await browser.close();
}
