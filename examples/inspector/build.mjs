// Builds dist/index.html: the page, its styles, its script and hookproof's wasm (embedded
// in the package's browser build) in one file that works from file:// and from any static
// host, under a Content-Security-Policy that allows no network at all.
//   node build.mjs      (after `npm install` here, and `make pkg` at the top)
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const read = (name) => readFileSync(join(here, name), "utf8");

const bundled = await build({
  entryPoints: [join(here, "app.js")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  legalComments: "none",
});
// Inline `</script` would end the element early; esbuild escapes it in strings, but make sure.
const script = bundled.outputFiles[0].text.replaceAll("</script", "<\\/script");
const style = read("style.css");
const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

// Only this page's own script and style (by hash) run; compiling the embedded wasm needs
// 'wasm-unsafe-eval'. No fetch, image, font, frame or form target is allowed.
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "connect-src 'none'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const page = read("index.html")
  .replace("{{CSP}}", csp)
  .replace("{{STYLE}}", () => style)
  .replace("{{SCRIPT}}", () => script);
mkdirSync(join(here, "dist"), { recursive: true });
const out = join(here, "dist", "index.html");
writeFileSync(out, page);
console.log(`inspector: ${out} (${page.length} bytes); open it in a browser (file:// works)`);
