// The adapters', stores' and testing helpers' declarations as a TypeScript user meets them:
// tsc --strict over types/user.ts (narrowing through handler(event), wrong uses rejected).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { assert, test } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));

test("types: tsc --strict accepts types/user.ts and its @ts-expect-error lines fail as they must", () => {
  const run = spawnSync(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), "-p", join(here, "types", "tsconfig.json")], { encoding: "utf8", timeout: 120_000 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
