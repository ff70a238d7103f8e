import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// hookproof loads its .wasm from its own folder at run time: leave it to Node, unbundled.
export default defineConfig({ plugins: [reactRouter()], ssr: { external: ["hookproof"] }, logLevel: "warn" });
