// The console as an operator meets it, in real Chromium (Debian's, driven by playwright-core), against
// a running edge: sign up (a refused password shown beside its field), pair the player agent whose
// code PAIRING_CODE is, see it come online, upload an image, build a playlist (reordered by keyboard),
// draft a campaign (a refusal shown beside its field) and publish it, see the screen show it on the
// dashboard, send it a command and see it done, invite a viewer who can change nothing, stay signed in across a reload with no token
// where scripts can read it, and no serious or critical accessibility violation on any page
// (axe-core). Run by ConsoleIntegrationTests (make test); exits non-zero on failure. Screenshots go
// to SCREENSHOTS (a folder).
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const edge = required("EDGE_URL");
const code = required("PAIRING_CODE");
const screenshots = process.env.SCREENSHOTS ?? join(dirname(fileURLToPath(import.meta.url)), "output");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const started = Date.now();
function step(name) {
  console.log(`console e2e: ${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);
}

async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `console-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  step(`screenshot: ${path}`);
}

/** Waits until a form control holds a value (a drag ends with an animation). */
async function valueBecomes(locator, expected) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    if ((await locator.inputValue().catch(() => null)) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${locator} never held ${expected}; it holds ${await locator.inputValue().catch(() => "nothing")}`);
}

/**
 * Presses a key until what it should bring is on the page. dnd-kit's keyboard sensor listens for
 * keys only from a timer it sets as a drag starts, after the drag's first announcement: on a busy
 * machine a key pressed at once goes unheard, and a person would press it again.
 */
async function pressUntil(page, key, brought) {
  for (let tries = 1; ; tries++) {
    await page.keyboard.press(key);
    try {
      await brought.waitFor({ state: "attached", timeout: 2_000 });
      return;
    } catch (unheard) {
      if (tries === 5) throw unheard;
    }
  }
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
  step("the image shows as a thumbnail, and large in its preview");
  const welcome = page.getByRole("list", { name: "Content" }).getByRole("listitem").filter({ hasText: "welcome.png" });
  await page.waitForFunction(() => [...document.querySelectorAll("img.thumb")].some((image) => image.complete && image.naturalWidth > 0));
  await welcome.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("dialog", { name: "Preview of welcome.png" }).getByRole("img", { name: "welcome.png" }).waitFor();
  await accessible(page, "content preview");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await page.getByRole("dialog").waitFor({ state: "hidden" });

  step("a large file goes straight to the object store (a presigned upload) with its progress, and joins the library");
  // from a file on disk: the browser reads it itself (a buffer this size would cross the driver's protocol slowly)
  const large = join(mkdtempSync(join(tmpdir(), "vizora-e2e-")), "poster-large.png");
  writeFileSync(large, Buffer.concat([png, Buffer.alloc(33 * 1024 * 1024)]));
  await page.getByLabel("Files to upload").setInputFiles(large, { timeout: 60_000 });
  await page.getByRole("list", { name: "Uploads" }).getByRole("listitem").filter({ hasText: "poster-large.png" }).getByText("uploaded").waitFor({ timeout: 60_000 });
  await page.getByRole("list", { name: "Content" }).getByText("poster-large.png").waitFor();
  await accessible(page, "content");

  step("a playlist is built: the image twice, the second moved first with the keyboard, durations typed");
  await page.getByRole("link", { name: "Playlists" }).click();
  await page.getByText("No playlists yet").waitFor();
  await accessible(page, "playlists, empty");
  await page.getByLabel("New playlist").fill("Opening loop");
  await page.getByRole("button", { name: "Create playlist" }).click();
  await page.getByRole("heading", { name: "Opening loop" }).waitFor();
  await page.getByLabel("Content to add").selectOption({ label: "welcome.png (image)" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByLabel("Seconds for welcome.png, item 2").fill("7");
  await page.getByRole("button", { name: "Move welcome.png, item 2", exact: true }).focus();
  // each key waits for what a screen reader hears: the drag is set up between them
  await page.keyboard.press("Space");
  await page.getByText("welcome.png, item 2 is over position 2.").waitFor({ state: "attached" });
  await pressUntil(page, "ArrowUp", page.getByText("welcome.png, item 2 is over position 1."));
  await page.keyboard.press("Space");
  await valueBecomes(page.getByLabel("Seconds for welcome.png, item 1"), "7");
  await page.getByText("2 items, 17 s a loop").waitFor();
  await page.getByRole("button", { name: "Save playlist" }).click();
  await page.getByText("Saved.").waitFor();
  await accessible(page, "playlist editor");
  await screenshot(page, "playlist");

  step("a campaign is drafted (a refusal shown beside its field) and published onto the screen");
  await page.getByRole("link", { name: "Campaigns" }).click();
  await page.getByText("No campaigns yet").waitFor();
  await page.getByRole("link", { name: "New campaign" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Opening week");
  await page.getByLabel("Playlist").selectOption({ label: "Opening loop (2 items)" });
  await page.getByRole("checkbox", { name: "Lobby screen" }).check();
  await page.getByLabel("Priority").fill("5000");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.locator(".field", { has: page.getByLabel("Priority") }).getByRole("alert").waitFor();
  await accessible(page, "campaign with a refusal");
  await page.getByLabel("Priority").fill("300");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("heading", { name: "Opening week" }).waitFor();

  step("a dashboard left open in another tab is live");
  const wall = await context.newPage();
  wall.on("pageerror", (error) => problems.push(`wall: ${error.message}`));
  await wall.goto(`${edge}/`);
  await wall.getByRole("status").filter({ hasText: "Live" }).waitFor();
  await wall.getByText("No online display reports showing anything.").or(wall.getByRole("list", { name: "Showing now" })).waitFor();

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published: the screens").waitFor();
  await accessible(page, "published campaign");
  await screenshot(page, "campaign");

  step("the screen shows it, and the open dashboard says so without a reload (its own refetch is a minute away)");
  // up to 45 s: the screen must download, play and report it first, on a loaded machine; still
  // before the dashboard's own refetch, so only the push can have brought it
  await wall.getByRole("list", { name: "Showing now" }).getByText("Opening week: 1 display").waitFor({ timeout: 45_000 });
  step("the open dashboard shows it");
  await wall.close();

  step("a second campaign of lower priority wants the same screen");
  await page.getByRole("link", { name: "Campaigns" }).click();
  await page.getByRole("link", { name: "New campaign" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Background loop");
  await page.getByLabel("Playlist").selectOption({ label: "Opening loop (2 items)" });
  await page.getByRole("checkbox", { name: "Lobby screen" }).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("heading", { name: "Background loop" }).waitFor();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Published: the screens").waitFor();

  step("the display's page draws what it will play, why, and the conflict");
  await page.getByRole("link", { name: "Displays" }).click();
  await page.getByRole("link", { name: "Lobby screen" }).click();
  await page.getByRole("heading", { name: "Lobby screen" }).waitFor();
  await page.getByRole("list", { name: "What the colours mean" }).getByText("Opening week, the highest priority here (300)").waitFor();
  await page.getByRole("list", { name: "Conflicts" }).getByText("Background loop (priority 100) gives way to Opening week, the highest priority here (300)").waitFor();
  await page.getByRole("button", { name: "Month" }).click();
  await page.getByRole("button", { name: "Month", pressed: true }).waitFor();
  await page.getByRole("list", { name: "What the colours mean" }).getByText("Opening week, the highest priority here (300)").waitFor();
  await accessible(page, "display");
  await screenshot(page, "display");

  step("a command sent from the display's page reaches the screen, and the page says it was done");
  // the list is the projector's (through the edge), read again every 2 s while the command is open
  await page.getByRole("group", { name: "Commands" }).getByRole("button", { name: "Identify" }).click();
  await page.getByRole("list", { name: "Recent commands" }).getByRole("listitem").filter({ hasText: "Identify" }).getByText("Done", { exact: true })
    .waitFor({ timeout: 45_000 });

  step("the calendar of a display shows the same, beside the others of a group or tag");
  await page.getByRole("link", { name: "Calendar" }).click();
  await page.getByLabel("Of").selectOption("display");
  await page.getByLabel("Display", { exact: true }).selectOption({ label: "Lobby screen" });
  await page.getByRole("region", { name: "Lobby screen" }).getByRole("list", { name: "Conflicts" })
    .getByText("Background loop (priority 100) gives way to Opening week, the highest priority here (300)").waitFor();
  await accessible(page, "calendar");

  step("a viewer, invited, sees the campaign and can change nothing");
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Their email").fill(`viewer-${Date.now()}@example.org`);
  await page.getByLabel("Their name").fill("Vera Viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const invitation = await page.getByLabel("Invitation link").inputValue();
  await accessible(page, "team");
  const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await viewerContext.newPage();
  viewer.setDefaultTimeout(15_000);
  viewer.on("pageerror", (error) => problems.push(`viewer: ${error.message}`));
  await viewer.goto(invitation);
  await viewer.getByRole("heading", { name: "Join your team on Vizora" }).waitFor();
  await accessible(viewer, "accept an invitation");
  await viewer.getByLabel("Password").fill("a viewer's long password");
  await viewer.getByRole("button", { name: "Accept and sign in" }).click();
  await viewer.getByRole("heading", { name: "Dashboard" }).waitFor();
  await viewer.getByRole("link", { name: "Campaigns" }).click();
  await viewer.getByRole("link", { name: "Opening week" }).click();
  await viewer.getByRole("heading", { name: "Opening week" }).waitFor();
  if (!(await viewer.getByLabel("Name", { exact: true }).isDisabled())) throw new Error("a viewer can type into a campaign");
  if ((await viewer.getByRole("button", { name: /Save|Publish|End|Delete|Add a time/ }).count()) > 0) throw new Error("a viewer is offered to change a campaign");
  await viewer.getByRole("link", { name: "Playlists" }).click();
  await viewer.getByRole("link", { name: "Opening loop" }).click();
  await viewer.getByRole("heading", { name: "Opening loop" }).waitFor();
  if ((await viewer.getByRole("button", { name: /Save|Delete|Remove|Move/ }).count()) > 0) throw new Error("a viewer is offered to change a playlist");
  await viewerContext.close();

  step("a reload keeps the session (the refresh cookie), and returns to the same page");
  await page.goto(`${edge}/displays`);
  await page.getByRole("row").filter({ hasText: "Lobby screen" }).waitFor();

  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  await screenshot(page, "dashboard");

  step("log out ends the session");
  await page.getByRole("button", { name: "Log out" }).click();
  // the login page shows once the server has ended the session; leaving sooner would cancel that
  await page.getByRole("heading", { name: "Log in to Vizora" }).waitFor();
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
