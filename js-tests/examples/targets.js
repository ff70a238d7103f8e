// How each example endpoint is started for the tests and the demo: the real runtime, on a
// free 127.0.0.1 port, with its configuration in its environment (or `--var` for wrangler)
// and its durable state under `state`. Each `start` resolves to `{ base, stop, output }`.
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, startWranglerDev } from "../harness/wrangler-dev.js";
import { startPostgres } from "./postgres.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const examples = join(root, "examples");
const deno = join(root, "js-tests", "node_modules", ".bin", "deno");
const wrangler = join(examples, "cloudflare-worker", "node_modules", ".bin", "wrangler");

// Only what the runtime needs from this environment: the variables under test are given.
function baseEnv() {
  const { PATH, HOME, TMPDIR } = process.env;
  return Object.fromEntries(Object.entries({ PATH, HOME, TMPDIR }).filter(([, value]) => value !== undefined));
}

function nodeServer(store) {
  return ({ env, state }) =>
    startServer(process.execPath, ["server.js"], {
      cwd: join(examples, "node-server"),
      env: { ...baseEnv(), ...env, STORE: store, DATABASE: join(state, "callbacks.db") },
      stdout: "capture",
    });
}

// One Postgres per state directory, kept across restarts of the server, stopped by cleanup.
const postgresOf = new Map();

function nodeServerOnPostgres() {
  return async ({ env, state }) => {
    if (!postgresOf.has(state)) postgresOf.set(state, await startPostgres(state));
    return startServer(process.execPath, ["server.js"], {
      cwd: join(examples, "node-server"),
      env: { ...baseEnv(), ...env, DATABASE_URL: postgresOf.get(state).url },
      stdout: "capture",
    });
  };
}

const denoKvPath = (state) => `./data/test-${state.split("-").pop()}.kv`;

function denoServer(store) {
  // `deno task start` as a user runs it; its write permission covers ./data only, so the
  // KV file goes there, under a name of this run.
  return ({ env, state }) =>
    startServer(deno, ["task", "start"], {
      cwd: join(examples, "deno"),
      env: { ...baseEnv(), ...env, STORE: store, KV_PATH: denoKvPath(state), DENO_DIR: join(root, "target", "deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
      stdout: "capture",
    });
}

/** `wrangler dev` of examples/cloudflare-worker, its local Durable Object state in `state`. */
export function startWorker({ env, state, stdout = "capture" }) {
  const vars = Object.entries(env).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  return startWranglerDev(wrangler, {
    cwd: join(examples, "cloudflare-worker"),
    args: ["--persist-to", state, ...vars],
    logLevel: "log",
    env: { ...baseEnv(), NO_COLOR: "1" },
    stdout,
  });
}

export const TARGETS = [
  // `outbox`: records an outbox entry with each event and delivers from it (outbox.test.js).
  { name: "node-server (SQLite file)", durable: true, outbox: true, start: nodeServer("sqlite") },
  {
    name: "node-server (Postgres)",
    durable: true,
    outbox: true,
    start: nodeServerOnPostgres(),
    databaseUrl: (state) => postgresOf.get(state)?.url,
    cleanup: (state) => {
      postgresOf.get(state)?.stop();
      postgresOf.delete(state);
    },
  },
  { name: "node-server (memory)", durable: false, start: nodeServer("memory") },
  {
    name: "deno (Deno KV)",
    durable: true,
    outbox: true,
    start: denoServer("kv"),
    cleanup: (state) => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(join(examples, "deno", denoKvPath(state) + suffix), { force: true });
    },
  },
  { name: "deno (memory)", durable: false, start: denoServer("memory") },
  { name: "cloudflare-worker (Durable Object, workerd)", durable: true, outbox: true, start: startWorker },
];
