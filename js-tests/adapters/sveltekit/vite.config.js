import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// hookproof loads its .wasm from its own folder at run time: leave it to Node, unbundled.
export default defineConfig({ plugins: [sveltekit()], ssr: { external: ["hookproof"] }, logLevel: "warn" });
