import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "server",
  adapter: node({ mode: "standalone" }),
  // Astro refuses form-encoded POSTs without a matching Origin header (CSRF), and
  // providers send none: Gengo's form callbacks need this off (see the README).
  security: { checkOrigin: false },
  // hookproof loads its .wasm from its own folder at run time: leave it to Node, unbundled.
  vite: { ssr: { external: ["hookproof"] }, logLevel: "warn" },
  telemetry: false,
});
