// Deno: the shared cases under `deno test`, importing the installed tarball through the
// package's "deno" export condition (node_modules resolution).
import * as hookproof from "hookproof";
import { cases, nativeHmacCases } from "./cases.js";
import hostileTable from "./hostile-table.js";
// The same module instance the entry uses (same file), for its internal thresholds.
import { setNativeFrom, wasmMemoryForTests as wasmMemory } from "./node_modules/hookproof/api.js";

for (const { name, run } of [...cases(hookproof, { setNativeFrom, hostileTable, wasmMemory }), ...nativeHmacCases(hookproof, setNativeFrom)]) Deno.test(name, run);

Deno.test("deno: resolves the package's deno entry", () => {
  const entry = import.meta.resolve("hookproof");
  if (!entry.endsWith("/hookproof/inline.js")) throw new Error(`resolved ${entry}`);
});
