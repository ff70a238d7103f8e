// Node: the shared cases under `node --test`, importing the installed tarball (ESM).
import { test } from "node:test";
import * as hookproof from "hookproof";
import { cases, nativeHmacCases } from "./cases.js";
import hostileTable from "./hostile-table.js";
// The same module instance the entry uses (same file), for its internal thresholds.
import { setNativeFrom, wasmMemoryForTests as wasmMemory } from "./node_modules/hookproof/api.js";

for (const { name, run } of [...cases(hookproof, { setNativeFrom, hostileTable, wasmMemory }), ...nativeHmacCases(hookproof, setNativeFrom)]) test(name, run);
