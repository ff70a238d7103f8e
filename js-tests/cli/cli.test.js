// The hookproof command, spawned as npm installs it (node_modules/.bin/hookproof), against
// a real Express server using hookproof/express on 127.0.0.1.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import express from "express";
import { webhook } from "hookproof/express";
import { memoryStore } from "hookproof/stores/memory";

const BIN = fileURLToPath(new URL("./node_modules/.bin/hookproof", import.meta.url));
const SIR_SECRET = "whsec_" + "3f".repeat(32);
const SECRETS = { sir: SIR_SECRET, g2sentry: "g2-secret", contentspal: "cp-secret", gengo: "gengo-token" };

// Runs the command; resolves to { code, stdout, stderr }. No terminal: stdout is a pipe.
function run(args, { input, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: { PATH: process.env.PATH, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function scratch(t) {
  const dir = mkdtempSync(join(tmpdir(), "hookproof-cli-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function server(t, { secrets = SECRETS } = {}) {
  const events = [];
  const app = express();
  for (const provider of Object.keys(SECRETS)) {
    app.post(`/webhooks/${provider}`, webhook({ provider, secret: secrets[provider], store: memoryStore(), onError: () => {}, handler: async (event) => events.push(event) }));
  }
  const listener = app.listen(0, "127.0.0.1");
  await new Promise((done) => listener.once("listening", done));
  t.after(() => listener.close());
  return { base: `http://127.0.0.1:${listener.address().port}`, events };
}

test("--help for every command, exit 0; usage mistakes exit 2", async () => {
  const main = await run(["--help"]);
  assert.equal(main.code, 0);
  assert.match(main.stdout, /sign <provider>[\s\S]*send <provider> <url>[\s\S]*verify[\s\S]*explain/);
  for (const command of ["sign", "send", "verify", "explain"]) {
    const help = await run([command, "--help"]);
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, new RegExp(`^Usage: hookproof ${command} `), command);
    assert.match(help.stdout, /--secret-file FILE/);
  }
  assert.equal((await run([])).code, 2);
  assert.equal((await run(["frobnicate"])).code, 2);
  assert.equal((await run(["sign"])).code, 2);
  const badFlag = await run(["verify", "sir", "--nope"]);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /Unknown option '--nope'/);
  const unknown = await run(["sign", "nope", "--secret", "s"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no sample payloads for nope|unknown_provider/);
  const count = await run(["send", "sir", "http://127.0.0.1:1/x", "--count", "zero", "--secret", "s"]);
  assert.equal(count.code, 2);
  assert.match(count.stderr, /--count must be a whole number/);
});

test("secrets: from $<PROVIDER>_SECRET, --secret-env, --secret-file; a missing one names where to put it", async (t) => {
  const dir = scratch(t);
  const missing = await run(["sign", "sir"]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /set SIR_SECRET \(or HOOKPROOF_SECRET\)/);
  const fromEnv = await run(["sign", "sir", "--format", "raw"], { env: { SIR_SECRET } });
  assert.equal(fromEnv.code, 0);
  assert.equal((await run(["verify", "sir"], { input: fromEnv.stdout, env: { SIR_SECRET } })).code, 0);
  const file = join(dir, "secret");
  writeFileSync(file, `${SIR_SECRET}\n`);
  assert.equal((await run(["verify", "sir", "--secret-file", file], { input: fromEnv.stdout })).code, 0);
  assert.equal((await run(["verify", "sir", "--secret-env", "MY_VAR"], { input: fromEnv.stdout, env: { MY_VAR: SIR_SECRET } })).code, 0);
  const unset = await run(["verify", "sir", "--secret-env", "MY_VAR"], { input: fromEnv.stdout });
  assert.equal(unset.code, 2);
  assert.match(unset.stderr, /MY_VAR is not set/);
  // A rotation: the old secret first, the current one second.
  assert.equal((await run(["verify", "sir", "--secret", `whsec_old,${SIR_SECRET}`], { input: fromEnv.stdout })).code, 0);
  assert.ok(!missing.stderr.includes(SIR_SECRET) && !unset.stderr.includes(SIR_SECRET));
});

test("sign | verify round-trips for every provider; a changed byte is Not genuine (exit 1)", async (t) => {
  const dir = scratch(t);
  for (const [provider, secret] of Object.entries(SECRETS)) {
    const signed = await run(["sign", provider, "--format", "raw", "--secret", secret]);
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(signed.stdout, new RegExp(`^POST /webhooks/${provider}`));
    const file = join(dir, `${provider}.http`);
    writeFileSync(file, signed.stdout);
    const genuine = await run(["verify", provider, file, "--secret", secret]);
    assert.equal(genuine.code, 0, `${provider}: ${genuine.stdout}`);
    assert.match(genuine.stdout, /^Genuine /);
    const json = JSON.parse((await run(["verify", provider, file, "--secret", secret, "--json"])).stdout);
    assert.equal(json.genuine, true);
    assert.equal(json.event.provider, provider);
    const forged = signed.stdout.replace(/("jobName":"Open|"organizationId":"abc|"actionId":"act_|job_id%22%3A%22|%22job_id%22%3A%22)/, "$1X");
    assert.notEqual(forged, signed.stdout, provider);
    const wrongSecret = await run(["verify", provider, "--secret", "not-the-secret"], { input: signed.stdout });
    assert.equal(wrongSecret.code, 1, provider);
    assert.match(wrongSecret.stdout, /^Not genuine /);
    assert.ok(!/\x1b\[/.test(wrongSecret.stdout), "no colour when stdout is not a terminal");
  }
});

test("explain ranks the causes; --json carries them; verify's answer points to explain", async () => {
  const signed = (await run(["sign", "sir", "--format", "raw", "--secret", SIR_SECRET])).stdout;
  const reSerialised = signed.replace(/\n\n(.*)$/s, (_, body) => `\n\n${JSON.stringify(JSON.parse(body), null, 2)}`);
  const verdict = await run(["verify", "sir", "--secret", SIR_SECRET], { input: reSerialised });
  assert.equal(verdict.code, 1);
  assert.match(verdict.stdout, /signature_mismatch/);
  assert.match(verdict.stdout, /hookproof explain sir/);
  const explained = await run(["explain", "sir", "--secret", SIR_SECRET], { input: reSerialised });
  assert.equal(explained.code, 1);
  assert.match(explained.stdout, /^Not genuine sir: signature_mismatch/);
  assert.match(explained.stdout, /\n {2}1\. \w+: /);
  const json = JSON.parse((await run(["explain", "sir", "--secret", SIR_SECRET, "--json"], { input: reSerialised })).stdout);
  assert.equal(json.genuine, false);
  assert.equal(json.error.code, "signature_mismatch");
  assert.ok(json.causes.length > 0);
  const fine = await run(["explain", "sir", "--secret", SIR_SECRET], { input: signed });
  assert.equal(fine.code, 0);
});

test("verify --now checks an old capture as of its time", async () => {
  const old = (await run(["sign", "sir", "--format", "raw", "--secret", SIR_SECRET, "--timestamp", "1700000000"])).stdout;
  const now = await run(["verify", "sir", "--secret", SIR_SECRET], { input: old });
  assert.equal(now.code, 1);
  assert.match(now.stdout, /timestamp_too_old/);
  assert.equal((await run(["verify", "sir", "--secret", SIR_SECRET, "--now", "1700000100"], { input: old })).code, 0);
});

test("sign: samples per event type, a body file kept byte for byte, curl and JSON output", async (t) => {
  const events = await run(["sign", "g2sentry", "--list-events"]);
  assert.deepEqual(events.stdout.trim().split("\n"), ["JobAssigned", "JobStarted", "JobCompleted", "JobWithdrawed"]);
  const started = await run(["sign", "g2sentry", "--event", "JobStarted", "--secret", "g2-secret", "--json"]);
  const signed = JSON.parse(started.stdout);
  assert.equal(JSON.parse(signed.body).jobStatus, "InProgress");
  assert.match(signed.curl, /^curl -sS -X POST 'http:\/\/localhost:3000\/webhooks\/g2sentry' -H 'Content-Type: application\/json' -H 'X-Signature: [0-9a-f]{64}'/);
  const dir = scratch(t);
  const body = '{"jobId":1,"eventType":"JobCompleted","jobName":"it\'s","jobStatus":"Completed"}  \n';
  writeFileSync(join(dir, "body.json"), body);
  const fromFile = await run(["sign", "g2sentry", "--body", join(dir, "body.json"), "--secret", "g2-secret", "--format", "raw"]);
  assert.ok(fromFile.stdout.endsWith(`\n\n${body}`), "the body exactly as the file");
  assert.equal((await run(["verify", "g2sentry", "--secret", "g2-secret"], { input: fromFile.stdout })).code, 0);
  const both = await run(["sign", "sir", "--secret", SIR_SECRET]);
  assert.match(both.stdout, /# Raw HTTP[\s\S]*X-SIR-Timestamp: \d+[\s\S]*# curl\ncurl /);
  const noEvent = await run(["sign", "sir", "--event", "nope", "--secret", SIR_SECRET]);
  assert.equal(noEvent.code, 2);
  assert.match(noEvent.stderr, /samples: action\.completed, campaign\.activated, ping/);
});

test("send --count --duplicate --tamper against a real Express endpoint: a table, the handler saw each event once", async (t) => {
  const { base, events } = await server(t);
  const sent = await run(["send", "sir", `${base}/webhooks/sir`, "--count", "3", "--duplicate", "--tamper", "--secret", SIR_SECRET]);
  assert.equal(sent.code, 0, sent.stdout + sent.stderr);
  const lines = sent.stdout.trim().split("\n");
  assert.match(lines[0], /^#\s+kind\s+status\s+time\s+answer$/);
  const rows = lines.slice(1, -1).map((line) => line.split(/\s{2,}/));
  assert.equal(rows.length, 9);
  assert.deepEqual(rows.map((row) => [row[1], row[2]]), [1, 2, 3].flatMap(() => [["genuine", "200"], ["redelivery", "200"], ["tampered", "401"]]));
  assert.deepEqual(rows.map((row) => row.at(-1)), [1, 2, 3].flatMap(() => ['{"received":true}', '{"duplicate":true}', '{"error":"signature_mismatch"}']));
  for (const row of rows) assert.match(row[3], /^\d+\.\d ms$/);
  assert.match(lines.at(-1), /9 requests to .*: 9 answered as expected; median \d+\.\d ms/);
  assert.equal(sent.stderr, "", "no progress line when stderr is not a terminal");
  assert.equal(events.length, 3);
  assert.equal(new Set(events.map((event) => event.id)).size, 3, "three distinct events");
});

test("send: every provider's samples are accepted; --json for scripts; a wrong secret exits 1", async (t) => {
  const { base, events } = await server(t);
  for (const [provider, secret] of Object.entries(SECRETS)) {
    const sent = await run(["send", provider, `${base}/webhooks/${provider}`, "--count", "2", "--secret", secret, "--json"]);
    assert.equal(sent.code, 0, `${provider}: ${sent.stdout}`);
    const result = JSON.parse(sent.stdout);
    assert.equal(result.ok, true);
    assert.deepEqual(result.results.map((r) => r.status), [200, 200]);
  }
  assert.equal(events.length, 8);
  const wrong = await run(["send", "sir", `${base}/webhooks/sir`, "--secret", "whsec_wrong"]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stdout, /401/);
  const closed = await new Promise((done) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
  const down = await run(["send", "sir", `http://127.0.0.1:${closed}/webhooks/sir`, "--secret", SIR_SECRET, "--timeout", "2000"]);
  assert.equal(down.code, 1);
  assert.match(down.stdout, /ECONNREFUSED/);
});

// On a terminal (util-linux `script` gives the command a pseudo-terminal): colour, unless
// NO_COLOR; and send's progress line while --count runs.
function onTerminal(command, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { PATH: process.env.PATH, TERM: "xterm", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

test("on a terminal: colour (not with NO_COLOR) and a progress line for send --count", async (t) => {
  const { base } = await server(t);
  const quoted = `'${BIN}'`;
  const coloured = await onTerminal(`${quoted} verify sir --secret x </dev/null`);
  assert.equal(coloured.code, 1);
  assert.match(coloured.output, /\x1b\[31m\x1b\[1mNot genuine/);
  const plain = await onTerminal(`${quoted} verify sir --secret x </dev/null`, { NO_COLOR: "1" });
  assert.ok(!plain.output.includes("\x1b["), "NO_COLOR: no escape codes");
  assert.match(plain.output, /^Not genuine/);
  const progress = await onTerminal(`${quoted} send sir ${base}/webhooks/sir --count 3 --secret '${SIR_SECRET}'`, { NO_COLOR: "1" });
  assert.equal(progress.code, 0, progress.output);
  assert.match(progress.output, /\rsent 1\/3\rsent 2\/3\rsent 3\/3\r\x1b\[K/);
});
