// The dedupe stores against the real thing: SQLite through better-sqlite3 (a file two
// connections share), Redis through `redis` against a real redis-server started here on a
// free 127.0.0.1 port, Deno KV in a real `deno` (from npm), and the memory store.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import express from "express";
import { Redis as IORedis } from "ioredis";
import { createClient } from "redis";
import { webhook } from "hookproof/express";
import { memoryStore } from "hookproof/stores/memory";
import { redisStore } from "hookproof/stores/redis";
import { sqliteStore } from "hookproof/stores/sqlite";
import { assert, send, signed, SECRETS, SIR_BODY, test } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));

function scratch(t) {
  const dir = mkdtempSync(join(tmpdir(), "hookproof-stores-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// What every store must do; `clock.now` is moved by the test where the store takes `now`.
async function storeContract(store, { expire } = {}) {
  assert.equal(await store.hasOrSet("sir:evt_1", 60), false, "a new key is claimed");
  assert.equal(await store.hasOrSet("sir:evt_1", 60), true, "a claimed key is a duplicate");
  assert.equal(await store.hasOrSet("sir:evt_2", 60), false, "keys are independent");
  await store.delete("sir:evt_1");
  assert.equal(await store.hasOrSet("sir:evt_1", 60), false, "a released key is claimed again");
  const racing = await Promise.all(Array.from({ length: 20 }, () => store.hasOrSet("sir:race", 60)));
  assert.equal(racing.filter((seen) => !seen).length, 1, "of 20 concurrent claims exactly one wins");
  if (expire) {
    assert.equal(await store.hasOrSet("sir:short", 1), false);
    await expire();
    assert.equal(await store.hasOrSet("sir:short", 1), false, "an expired key is claimed again");
  }
}

test("memory store: contract, expiry, bounded size", async () => {
  let time = 1_000_000;
  const store = memoryStore({ now: () => time, maxKeys: 50 });
  await storeContract(store, { expire: async () => { time += 1001; } });
  for (let i = 0; i < 100; i++) await store.hasOrSet(`k${i}`, 60);
  assert.equal(await store.hasOrSet("k0", 60), false, "the oldest keys were dropped past maxKeys");
  assert.equal(await store.hasOrSet("k99", 60), true);
});

test("sqlite store (better-sqlite3): contract, shared by two connections, kept across a reopen", async (t) => {
  const file = join(scratch(t), "dedupe.db");
  let time = 1_000_000;
  const first = new Database(file);
  first.pragma("journal_mode = WAL");
  const second = new Database(file);
  t.after(() => { first.close(); second.close(); });
  const a = sqliteStore(first, { now: () => time });
  const b = sqliteStore(second, { now: () => time });
  await storeContract(a, { expire: async () => { time += 1001; } });
  assert.equal(await a.hasOrSet("contentspal:x", 60), false);
  assert.equal(await b.hasOrSet("contentspal:x", 60), true, "the other connection sees the key");
  first.close();
  const reopened = sqliteStore(new Database(file), { now: () => time });
  assert.equal(await reopened.hasOrSet("contentspal:x", 60), true, "kept in the file");
  assert.throws(() => sqliteStore(second, { table: "x; DROP TABLE y" }), /plain SQL identifier/);
});

test("sqlite store behind two Express servers: a redelivery to the other instance is a duplicate", async (t) => {
  const file = join(scratch(t), "dedupe.db");
  const events = [];
  const servers = [];
  for (let i = 0; i < 2; i++) {
    const db = new Database(file);
    const app = express();
    app.post("/hook", webhook({ provider: "sir", secret: SECRETS.sir, store: sqliteStore(db), handler: async (event) => events.push(event) }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((done) => server.once("listening", done));
    t.after(() => { server.close(); db.close(); });
    servers.push(`http://127.0.0.1:${server.address().port}`);
  }
  const first = await send(servers[0], signed("sir", SIR_BODY));
  const second = await send(servers[1], signed("sir", SIR_BODY));
  assert.deepEqual([first.json, second.json], [{ received: true }, { duplicate: true }]);
  assert.equal(events.length, 1);
});

function freePort() {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function startRedis(t) {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  assert.equal(which.status, 0, "redis-server is installed (make test-adapters installs Debian's redis-server)");
  const port = await freePort();
  const dir = scratch(t);
  const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  t.after(() => server.kill("SIGKILL"));
  await new Promise((done, fail) => {
    let log = "";
    const timer = setTimeout(() => fail(new Error(`redis-server did not start: ${log}`)), 10_000);
    server.stdout.on("data", (chunk) => {
      log += chunk;
      if (log.includes("Ready to accept connections")) {
        clearTimeout(timer);
        done();
      }
    });
    server.once("exit", (code) => fail(new Error(`redis-server exited ${code}: ${log}`)));
  });
  const client = createClient({ url: `redis://127.0.0.1:${port}` });
  await client.connect();
  t.after(() => client.close?.() ?? client.quit());
  client.port = port;
  return client;
}

test("redis store (redis@5 against redis-server): contract, TTL set by Redis, prefix", async (t) => {
  const client = await startRedis(t);
  const store = redisStore(client, { prefix: "test:" });
  await storeContract(store);
  assert.equal(await store.hasOrSet("sir:ttl", 3600), false);
  const ttl = await client.ttl("test:sir:ttl");
  assert.ok(ttl > 3500 && ttl <= 3600, `Redis holds the TTL (${ttl})`);
  assert.equal(await client.get("test:sir:ttl"), "1");
  assert.equal(await store.hasOrSet("sir:gone", 1), false);
  await new Promise((done) => setTimeout(done, 2100));
  assert.equal(await store.hasOrSet("sir:gone", 1), false, "expired by Redis");
});

test("redis store (ioredis@5 against redis-server): contract, and keys shared with a node-redis client", async (t) => {
  const nodeRedis = await startRedis(t);
  const client = new IORedis({ host: "127.0.0.1", port: nodeRedis.port, lazyConnect: true });
  await client.connect();
  t.after(() => client.disconnect());
  const store = redisStore(client);
  await storeContract(store);
  assert.equal(await store.hasOrSet("sir:shared", 60), false);
  assert.equal(await redisStore(nodeRedis).hasOrSet("sir:shared", 60), true, "the same key, seen through the other client");
  const ttl = await client.ttl("hookproof:dedupe:sir:shared");
  assert.ok(ttl > 50 && ttl <= 60, `TTL ${ttl}`);
});

test("redis store behind two Express servers: duplicates across instances; a failed handler releases the key", async (t) => {
  const client = await startRedis(t);
  const store = redisStore(client);
  let calls = 0;
  const bases = [];
  for (let i = 0; i < 2; i++) {
    const app = express();
    app.post("/hook", webhook({ provider: "sir", secret: SECRETS.sir, store, onError: () => {}, handler: async () => { calls += 1; if (calls === 1) throw new Error("first attempt fails"); } }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((done) => server.once("listening", done));
    t.after(() => server.close());
    bases.push(`http://127.0.0.1:${server.address().port}`);
  }
  assert.equal((await send(bases[0], signed("sir", SIR_BODY))).status, 500);
  assert.deepEqual((await send(bases[1], signed("sir", SIR_BODY))).json, { received: true });
  assert.deepEqual((await send(bases[0], signed("sir", SIR_BODY))).json, { duplicate: true });
  assert.equal(calls, 2);
});

test("deno-kv store in a real Deno (npm deno) with a KV file: contract and persistence", async (t) => {
  const deno = resolve(here, "../node_modules/.bin/deno");
  const dir = scratch(t);
  const script = join(dir, "kv.test.js");
  const storeUrl = new URL("../../pkg/stores/deno-kv.js", import.meta.url).href;
  writeFileSync(
    script,
    `import { denoKvStore } from ${JSON.stringify(storeUrl)};
const path = Deno.args[0];
const results = [];
let kv = await Deno.openKv(path);
let time = 1_000_000;
let store = denoKvStore(kv, { now: () => time });
results.push(await store.hasOrSet("sir:evt_1", 60), await store.hasOrSet("sir:evt_1", 60), await store.hasOrSet("sir:evt_2", 60));
await store.delete("sir:evt_1");
results.push(await store.hasOrSet("sir:evt_1", 60));
const racing = await Promise.all(Array.from({ length: 20 }, () => store.hasOrSet("sir:race", 60)));
results.push(racing.filter((seen) => !seen).length);
results.push(await store.hasOrSet("sir:short", 1));
time += 1001;
results.push(await store.hasOrSet("sir:short", 1));
kv.close();
kv = await Deno.openKv(path);
store = denoKvStore(kv, { now: () => time });
results.push(await store.hasOrSet("sir:evt_2", 60));
kv.close();
console.log(JSON.stringify(results));
`,
  );
  const run = spawnSync(deno, ["run", "--quiet", "--no-remote", "--unstable-kv", `--allow-read=${dir},${resolve(here, "../../pkg")}`, `--allow-write=${dir}`, script, join(dir, "dedupe.kv")], {
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(dir, "deno-dir") },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout.trim()), [false, true, false, false, 1, false, false, true]);
});

test("sqlite store with node:sqlite's DatabaseSync (no transaction helper: BEGIN IMMEDIATE), in a real Deno", async (t) => {
  const deno = resolve(here, "../node_modules/.bin/deno");
  const dir = scratch(t);
  const script = join(dir, "sqlite.js");
  const storeUrl = new URL("../../pkg/stores/sqlite.js", import.meta.url).href;
  writeFileSync(
    script,
    `import { DatabaseSync } from "node:sqlite";
import { sqliteStore } from ${JSON.stringify(storeUrl)};
const file = Deno.args[0];
let time = 1_000_000;
const db = new DatabaseSync(file);
if (typeof db.transaction === "function") throw new Error("expected no transaction helper");
const store = sqliteStore(db, { now: () => time });
const results = [await store.hasOrSet("sir:1", 60), await store.hasOrSet("sir:1", 60)];
await store.delete("sir:1");
results.push(await store.hasOrSet("sir:1", 60));
results.push(await store.hasOrSet("sir:short", 1));
time += 1001;
results.push(await store.hasOrSet("sir:short", 1));
const other = sqliteStore(new DatabaseSync(file), { now: () => time });
results.push(await other.hasOrSet("sir:1", 60));
console.log(JSON.stringify(results));
`,
  );
  const run = spawnSync(deno, ["run", "--quiet", "--no-remote", `--allow-read=${dir},${resolve(here, "../../pkg")}`, `--allow-write=${dir}`, "--allow-env", script, join(dir, "dedupe.db")], {
    encoding: "utf8",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(dir, "deno-dir") },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout.trim()), [false, true, false, false, false, true]);
});
