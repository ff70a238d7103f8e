// Chromium: a page served on 127.0.0.1 imports the installed package (through an import
// map to its "browser" export) and runs the shared cases; Playwright drives the system
// Chromium. Prints "chromium: N passed, M failed".
import { createServer } from "node:http";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const here = import.meta.dirname ?? new URL(".", import.meta.url).pathname;
const { chromium } = createRequire(join(process.argv[2], "package.json"))("playwright-core");
const pkg = JSON.parse(readFileSync(join(here, "node_modules/hookproof/package.json"), "utf8"));
const entry = `/node_modules/hookproof/${pkg.exports["."].browser.replace(/^\.\//, "")}`;

const page = `<!doctype html>
<meta charset="utf-8">
<script type="importmap">${JSON.stringify({ imports: { hookproof: entry } })}</script>
<script type="module">
  import * as hookproof from "hookproof";
  import { cases, runAll } from "/cases.js";
  import hostileTable from "/hostile-table.js";
  // The same module instance the entry imports (same URL), for its test-only internals.
  import { wasmMemoryForTests as wasmMemory } from "/node_modules/hookproof/api.js";
  const results = [];
  try {
    // The embedded module compiles synchronously here: usable before ready() resolves.
    hookproof.memoryBytes();
    results.push({ name: "chromium: initialised synchronously at import", ok: true });
  } catch (error) {
    results.push({ name: "chromium: initialised synchronously at import", ok: false, error: String(error) });
  }
  await hookproof.ready();
  results.push(...(await runAll(hookproof, undefined, cases(hookproof, { hostileTable, wasmMemory }))));
  window.__results = results;
</script>`;

const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://127.0.0.1").pathname;
  if (path === "/favicon.ico") return response.writeHead(204).end();
  if (path === "/") {
    response.writeHead(200, { "content-type": "text/html" }).end(page);
    return;
  }
  const file = normalize(join(here, path));
  if (!file.startsWith(here)) return response.writeHead(403).end();
  try {
    const body = readFileSync(file);
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), "hookproof-chromium-"));
let passed = 0;
let failed = 0;
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
  });
  const tab = context.pages()[0] ?? (await context.newPage());
  tab.on("pageerror", (error) => console.log(`page error: ${error.message}`));
  tab.on("console", (message) => {
    if (message.type() === "error") console.log(`console: ${message.text()}`);
  });
  await tab.goto(url);
  await tab.waitForFunction(() => window.__results !== undefined, null, { timeout: 60_000 });
  const results = await tab.evaluate(() => window.__results);
  for (const result of results) {
    if (result.ok) passed++;
    else {
      failed++;
      console.log(`not ok - ${result.name}\n${result.error}`);
    }
  }
  console.log(`ran in ${await tab.evaluate(() => navigator.userAgent)}`);
} catch (error) {
  console.log(`chromium could not run: ${error.message}`);
  failed++;
} finally {
  await context?.close().catch(() => {});
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`chromium: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
