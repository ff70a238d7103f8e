import { fileURLToPath } from "node:url";

// hookproof loads its .wasm from its own folder at run time: leave it to Node, unbundled.
// The route files import ../routes/endpoints.js, outside this folder: the root is the repo.
export default {
  serverExternalPackages: ["hookproof"],
  turbopack: { root: fileURLToPath(new URL("../../..", import.meta.url)) },
  outputFileTracingRoot: fileURLToPath(new URL("../../..", import.meta.url)),
};
