// Cold start in headless Chromium (Debian's, driven by playwright-core): a fresh browser
// context per run loads the package's browser entry (the wasm embedded, compiled
// synchronously) from 127.0.0.1 and verifies one delivery. Prints one JSON line: medians
// in ms of import (fetch + compile + instantiate), new Verifier, first verify.
//   node chromium-cold.mjs <js-tests/node_modules/.bin> [runs]
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "..", "pkg");
const { chromium } = createRequire(join(process.argv[2], "..", "playwright-core", "package.json"))("playwright-core");
const runs = Number(process.argv[3] ?? 10);
const SIGNATURE = readFileSync(join(here, "cold-child.mjs"), "utf8").match(/const SIGNATURE = "([0-9a-f]{64})"/)[1];
const page = `<!doctype html><meta charset="utf-8"><script type="module">
  const t0 = performance.now();
  const { Verifier } = await import("/pkg/inline.js");
  const t1 = performance.now();
  const verifier = new Verifier("g2sentry", "cold-secret");
  const t2 = performance.now();
  const event = verifier.verify({ headers: { "x-signature": "${SIGNATURE}" }, body: '{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress"}' });
  const t3 = performance.now();
  window.__cold = { importMs: t1 - t0, constructMs: t2 - t1, firstMs: t3 - t2, totalMs: t3 - t0, ok: event.dedupeKey === "5:JobStarted" };
</script>`;
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://127.0.0.1").pathname;
  const headers = { "cache-control": "no-store" };
  if (path === "/") return response.writeHead(200, { ...headers, "content-type": "text/html" }).end(page);
  const file = normalize(join(pkg, path.replace(/^\/pkg\//, "")));
  if (!file.startsWith(pkg)) return response.writeHead(403).end();
  let body;
  try {
    body = readFileSync(file);
  } catch {
    return response.writeHead(404).end();
  }
  response.writeHead(200, { ...headers, "content-type": "text/javascript" }).end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
});
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => window.__cold !== undefined);
    const cold = await tab.evaluate(() => window.__cold);
    if (!cold.ok) throw new Error("not verified");
    results.push(cold);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[results.length >> 1];
console.log(JSON.stringify({ runtime: `Chromium ${browser.version()}`, importMs: median("importMs"), constructMs: median("constructMs"), firstMs: median("firstMs"), totalMs: median("totalMs") }));
