// The published package carries every file its exports, imports and bin point to (npm
// pack --dry-run of pkg/: what `files` lets in).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { assert, test } from "./helpers.js";

const pkgDir = fileURLToPath(new URL("../../pkg/", import.meta.url));

function targets(value) {
  if (typeof value === "string") return [value];
  return Object.values(value).flatMap(targets);
}

test("package: npm pack includes every export, import and bin target of the adapters, stores, CLI and testing", () => {
  const manifest = JSON.parse(readFileSync(`${pkgDir}package.json`, "utf8"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: pkgDir, encoding: "utf8" }));
  const files = new Set(packed.files.map((file) => file.path));
  const wanted = [...targets(manifest.exports), ...targets(manifest.imports), ...Object.values(manifest.bin)].map((path) => path.replace(/^\.\//, ""));
  for (const subpath of ["./express", "./fastify", "./hono", "./fetch", "./lambda", "./next", "./nestjs", "./h3", "./sveltekit", "./remix", "./astro", "./testing", "./stores/memory", "./stores/sqlite", "./stores/redis", "./stores/deno-kv", "./stores/cloudflare"]) {
    assert.ok(subpath in manifest.exports, `exports has ${subpath}`);
  }
  for (const path of wanted) assert.ok(files.has(path), `${path} is packed`);
  for (const shared of ["adapters/core.js", "adapters/core.d.ts", "adapters/body.js", "adapters/fetch-route.js", "cli-samples.js"]) assert.ok(files.has(shared), `${shared} is packed`);
  assert.ok(![...files].some((path) => path.includes("node_modules")), "no node_modules");
  assert.match(readFileSync(`${pkgDir}cli.js`, "utf8"), /^#!\/usr\/bin\/env node\n/, "the bin has a shebang");
});
