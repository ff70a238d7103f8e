// Node: the shared cases under `node --test`, importing the installed tarball (ESM).
import { test } from "node:test";
import * as hookproof from "hookproof";
import { cases } from "./cases.js";

for (const { name, run } of cases(hookproof)) test(name, run);
