// The built inspector (examples/inspector/dist/index.html), opened from disk in headless
// Chromium and driven through its labels as a person would. Every request the page makes
// is recorded: there must be none besides the page itself. Screenshots of the main states
// go to target/inspector-screenshots/.
//   node --test js-tests/inspector/     (after `make inspector`)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import * as hookproof from "../../pkg/node.js";
import { explainScenarios } from "../cases.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const pageFile = join(root, "examples", "inspector", "dist", "index.html");
const pageUrl = pathToFileURL(pageFile).href;
const shots = join(root, "target", "inspector-screenshots");

const KEY = "insp3ctor-key-42";
const SIR_SECRET = "whsec_" + "7a".repeat(32);
const TOKEN = "gengo-t0ken";
const BODIES = {
  g2sentry: '{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress"}',
  contentspal: '{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"o1","job":{"id":"job-1","name":"Smith"}}',
  sir: '{"id":"evt_7","type":"action.completed","createdAt":"2026-05-10T09:12:00Z","data":{"actionId":"act_1","tokensDistributed":40}}',
  gengo: { job: { job_id: "384985", status: "approved" } },
};
const SECRET_OF = { g2sentry: KEY, contentspal: KEY, sir: SIR_SECRET, gengo: TOKEN };
const TYPE_OF = { g2sentry: "JobStarted", contentspal: "job.created", sir: "action.completed", gengo: "job" };

// Raw HTTP text of a delivery, the way it shows in a request log.
function raw(provider, { body = BODIES[provider], secret = SECRET_OF[provider], timestamp, change = (text) => text, headers: edit = (headers) => headers, path = `/callbacks/${provider}` } = {}) {
  const signed = hookproof.sign(provider, body, secret, { url: path, ...(timestamp === undefined ? {} : { timestamp }) });
  const lines = [`POST ${signed.url ?? path} HTTP/1.1`, "Host: hooks.example.com"];
  for (const [name, value] of Object.entries(edit(signed.headers))) lines.push(`${name}: ${value}`);
  return `${lines.join("\n")}\n\n${change(signed.body)}`;
}

describe("inspector (Chromium, file://)", () => {
  let context;
  let page;
  let profile;
  const requests = [];
  const problems = [];

  before(async () => {
    assert.ok(statSync(pageFile).size > 0, "run `make inspector` first");
    mkdirSync(shots, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), "hookproof-inspector-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1000, height: 900 },
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
    });
    context.on("request", (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.goto(pageUrl);
  });

  after(async () => {
    await context?.close().catch(() => {});
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const field = (name) => page.getByLabel(name, { exact: true });
  const status = () => page.getByRole("status");
  const causes = () => page.getByRole("list", { name: "Likely causes" }).getByRole("listitem");

  async function checkDelivery({ provider = "auto", request, secrets, url = null, now = "" }) {
    await field("Provider").selectOption(provider);
    await field("Request").fill(request);
    await field("Secrets").fill(secrets);
    if (url !== null) await field("Callback URL").fill(url);
    await field("Now").fill(now);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    return (await status().textContent()).trim();
  }

  async function firstCause() {
    return (await causes().first().textContent()).trim().split(" ")[0];
  }

  for (const provider of Object.keys(BODIES)) {
    test(`${provider}: a genuine delivery shows Genuine, its event and the signed bytes`, async () => {
      const verdict = await checkDelivery({ request: raw(provider), secrets: SECRET_OF[provider] });
      assert.match(verdict, /^Genuine/);
      const event = page.getByRole("region", { name: "Event" });
      assert.match(await event.textContent(), new RegExp(`type${TYPE_OF[provider].replace(".", "\\.")}`));
      const signed = await page.getByRole("region", { name: "Signed bytes" }).textContent();
      if (provider === "sir") assert.match(signed, /\d+ bytes: the X-SIR-Timestamp header, a dot, then the raw body.*\d{10}\.\{"id":"evt_7"/s);
      else if (provider === "gengo") assert.match(signed, /Gengo signs nothing/);
      else assert.ok(signed.includes(BODIES[provider]), signed);
      await page.screenshot({ path: join(shots, `genuine-${provider}.png`), fullPage: true });
    });
  }

  const refusals = [
    ["a re-serialized body", "g2sentry", { change: (body) => JSON.stringify(JSON.parse(body), null, 2) }, "body_reserialized"],
    ["a trailing newline", "contentspal", { change: (body) => body + "\n" }, "body_trailing_newline"],
    ["a secret with a trailing space", "g2sentry", { secrets: `${KEY} ` }, "secret_whitespace"],
    ["a base64 signature", "g2sentry", { headers: (h) => ({ "X-Signature": Buffer.from(h["X-Signature"], "hex").toString("base64") }) }, "signature_base64"],
    ["a stripped prefix", "contentspal", { headers: (h) => ({ ...h, "X-Webhook-Signature": h["X-Webhook-Signature"].replace("sha256=", "") }) }, "prefix_missing"],
    ["a SIR delivery an hour late", "sir", { timestamp: Math.floor(Date.now() / 1000) - 3600 }, "timestamp_skew"],
    ["a Gengo token under another parameter", "gengo", { url: `https://hooks.example.com/callbacks/gengo?key=${TOKEN}` }, "token_param_name"],
  ];
  for (const [name, provider, { secrets = SECRET_OF[provider], url = null, ...change }, cause] of refusals) {
    test(`${name} shows Not genuine and ${cause} first`, async () => {
      const verdict = await checkDelivery({ provider, request: raw(provider, change), secrets, url });
      assert.match(verdict, /^Not genuine/);
      if (cause === "timestamp_skew") assert.match(verdict, /The signature itself matched/);
      assert.equal(await firstCause(), cause);
      await page.screenshot({ path: join(shots, `refused-${cause}.png`), fullPage: true });
    });
  }

  // Every cause explain recognises, from the scenarios the JS cases run through the module
  // (js-tests/cases.js, explainScenarios), now through the page: headers pasted as header
  // lines, the body pasted after them, or, when it has a CR (which a text box turns into LF),
  // given as a Body file, the way the page tells people to.
  test("every explain scenario of the shared cases shows its cause first", async () => {
    const scenarios = explainScenarios(hookproof);
    const distinct = new Set(scenarios.map((scenario) => scenario.first));
    assert.ok(distinct.size >= 26, `only ${distinct.size} causes`);
    for (const { name, provider, delivery, secret, now, first } of scenarios) {
      const headerLines = Object.entries(delivery.headers).map(([header, value]) => `${header}: ${value}`);
      const viaFile = delivery.body.includes("\r");
      const request = headerLines.length ? `${headerLines.join("\n")}\n\n${viaFile ? "" : delivery.body}` : delivery.body;
      if (viaFile) {
        await field("Body file").setInputFiles({ name: "body.json", mimeType: "application/json", buffer: Buffer.from(delivery.body, "utf8") });
        // The page reads the file asynchronously (File#arrayBuffer) on change.
        await page.waitForTimeout(200);
      }
      const verdict = await checkDelivery({ provider, request, secrets: secret, url: delivery.url ?? "", now: String(now) });
      if (viaFile) await page.getByRole("button", { name: "Forget the file" }).click();
      assert.match(verdict, /^Not genuine/, name);
      const shown = (await causes().allTextContents()).map((text) => text.trim().split(" ")[0]);
      assert.equal(shown[0], first, `${name}: causes shown ${shown}`);
      for (const text of await causes().allTextContents()) assert.ok(!text.includes(secret.trim()), `${name}: a cause shows the secret`);
    }
  });

  test("the secrets field warns about surrounding whitespace", async () => {
    await field("Secrets").fill(`${KEY}\n other `);
    assert.match(await page.locator("#secrets-warning").textContent(), /Line 2 has leading or trailing whitespace/);
  });

  test("nothing pasted, or no secret, shows Cannot check", async () => {
    assert.match(await checkDelivery({ request: "", secrets: KEY }), /^Cannot check/);
    assert.match(await checkDelivery({ request: raw("g2sentry"), secrets: "" }), /^Cannot check/);
    // The event is still decoded, marked as unproven.
    assert.match(await page.getByRole("region", { name: "Event" }).textContent(), /Decoded without proof/);
  });

  test("one click loads a sample delivery per provider, and each is genuine", async () => {
    for (const name of ["G2 Sentry sample", "ContentsPal sample", "SIR Giving sample", "Gengo sample"]) {
      await page.getByRole("button", { name }).click();
      assert.match((await status().textContent()).trim(), /^Genuine/, name);
    }
  });

  test("every provider is listed; its sample verifies through the page and is detected from its headers", async () => {
    const listed = await field("Sample provider").locator("option").evaluateAll((options) => options.map((option) => option.value));
    assert.deepEqual(listed, hookproof.providers());
    const checkable = await field("Provider").locator("option").evaluateAll((options) => options.map((option) => option.value));
    assert.deepEqual(checkable, ["auto", ...hookproof.providers()]);
    const failures = [];
    for (const provider of hookproof.providers()) {
      await field("Sample provider").selectOption(provider);
      await page.getByRole("button", { name: "Load the sample", exact: true }).click();
      const chosen = (await status().textContent()).trim();
      // The same request, checked again with the provider left to detection.
      await field("Provider").selectOption("auto");
      await page.getByRole("button", { name: "Check", exact: true }).click();
      const detected = (await status().textContent()).trim();
      const hint = await page.locator("#provider-hint").textContent();
      // WhatsApp, Instagram and Messenger are Meta's scheme: their deliveries are Meta's.
      const expected = ["whatsapp", "instagram", "messenger"].includes(provider) ? "meta" : provider;
      if (!/^Genuine/.test(chosen)) failures.push(`${provider}: ${chosen}`);
      if (!/^Genuine/.test(detected) || !hint.includes(`(${expected})`)) failures.push(`${provider} detected: ${hint} ${detected}`);
    }
    assert.deepEqual(failures, []);
    // A sample is not a fixed text: changing the chosen provider's request breaks it.
    await field("Sample provider").selectOption("stripe");
    await page.getByRole("button", { name: "Load the sample", exact: true }).click();
    const request = await field("Request").inputValue();
    assert.match(await checkDelivery({ provider: "stripe", request: request.replace("succeeded", "failed"), secrets: await field("Secrets").inputValue() }), /^Not genuine — signature_mismatch/);
  });

  test("a generated test delivery pasted back shows Genuine", async () => {
    await page.getByRole("button", { name: "Make a test delivery", exact: true }).click();
    for (const provider of ["sir", "gengo"]) {
      await field("Test delivery provider").selectOption(provider);
      await field("Test secret").fill(SECRET_OF[provider]);
      await page.getByRole("button", { name: "Make the delivery" }).click();
      const request = await field("Signed request").inputValue();
      assert.match(await field("curl command").inputValue(), new RegExp(`^curl -sS -X POST 'http://127\\.0\\.0\\.1:8787/callbacks/${provider}`));
      await page.screenshot({ path: join(shots, `make-${provider}.png`), fullPage: true });
      await page.getByRole("button", { name: "Check a delivery", exact: true }).click();
      // Pasted as a person would: the Callback URL fills itself from the request line.
      assert.match(await checkDelivery({ request, secrets: SECRET_OF[provider] }), /^Genuine/, provider);
      await page.getByRole("button", { name: "Make a test delivery", exact: true }).click();
    }
    await page.getByRole("button", { name: "Check a delivery", exact: true }).click();
  });

  test("keyboard only: Tab reaches the controls in order and Enter checks", async () => {
    await page.getByRole("button", { name: "G2 Sentry sample" }).click();
    await field("Request").focus();
    const order = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent));
    }
    for (const id of ["body-file", "secrets", "url", "now", "check-button"]) assert.ok(order.includes(id), `${id} not reached by Tab: ${order}`);
    await field("Secrets").fill("wrong");
    await field("Now").focus();
    await page.keyboard.press("Enter");
    assert.match((await status().textContent()).trim(), /^Not genuine/);
  });

  test("readable at 360 px wide: nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole("button", { name: "SIR Giving sample" }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${overflow} px of sideways scroll`);
    await page.screenshot({ path: join(shots, "narrow-360.png"), fullPage: true });
    await page.setViewportSize({ width: 1000, height: 900 });
  });

  test("dark theme follows the system", async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: "light" });
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await background();
    assert.notEqual(light, dark);
    await page.screenshot({ path: join(shots, "dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("the page made no network request and broke no policy", () => {
    assert.deepEqual(requests, [pageUrl]);
    assert.deepEqual(problems, []);
  });
});
