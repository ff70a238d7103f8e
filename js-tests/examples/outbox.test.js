// From recorded to handled: each durable endpoint started for real on 127.0.0.1 with
// FORWARD_URL pointing at a receiver this test runs, which verifies every forwarded delivery
// with the npm `standardwebhooks` package (an independent implementation) and answers as
// each test tells it: failing N times, always, with Retry-After, 410. Then SIGKILLs: between
// recording and forwarding, and during forwarding.
//
//   node --test --test-timeout=120000 js-tests/examples/outbox.test.js
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";
import * as hookproof from "../../pkg/node.js";
import { standardWebhooksSigner } from "../../examples/shared/standard-webhooks.js";
import { TARGETS } from "./targets.js";
import { startServer } from "../harness/wrangler-dev.js";
import { listenerPid, serverRoot, treeOf } from "./proc.js";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const G2_SECRET = "g2-outbox-secret";
const CONTENTSPAL_SECRET = "cp-outbox-secret";
const ADMIN_TOKEN = "outbox-admin-token";
const FORWARD_SECRET = "whsec_" + Buffer.from("forwarding-secret-of-32-bytes!!!").toString("base64");
// Four attempts in all, a fraction of a second apart.
const RETRY_SCHEDULE = "0.2,0.2,0.2";
const ATTEMPTS = 4;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition, what, ms = 15_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A receiver on 127.0.0.1: verifies each delivery with `standardwebhooks` (a delivery that
 * does not verify fails the test), and answers from `plan(id, attemptNumber)` -> { status,
 * headers, delayMs } (default 204). `attempts` lists every verified attempt in order of
 * arrival; `seen` counts the 2xx answers the sender got, per id; `handled` is what a
 * receiver that deduplicates on webhook-id processes: each id once, however often it arrives.
 */
async function startReceiver() {
  const verifier = new Webhook(FORWARD_SECRET);
  const receiver = { attempts: [], seen: new Map(), handled: new Set(), unverified: 0, plan: () => ({ status: 204 }) };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let payload;
      try {
        payload = verifier.verify(body, request.headers);
      } catch {
        receiver.unverified++;
        response.writeHead(400).end();
        return;
      }
      const id = request.headers["webhook-id"];
      const number = receiver.attempts.filter((one) => one.id === id).length + 1;
      receiver.attempts.push({ id, at: Date.now(), payload });
      const { status = 204, headers = {}, delayMs = 0 } = receiver.plan(id, number, payload) ?? {};
      // Unref'd: an answer still held when the test ends does not keep it running.
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
      // An answer the sender can no longer get (it was killed meanwhile) acknowledges nothing:
      // the sender must try again, and this receiver counts the event handled only then.
      if (request.socket.destroyed) return;
      if (status >= 200 && status < 300) {
        receiver.seen.set(id, (receiver.seen.get(id) ?? 0) + 1);
        receiver.handled.add(id);
      }
      response.writeHead(status, headers).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${server.address().port}/hooks`;
  receiver.attemptsOf = (id) => receiver.attempts.filter((one) => one.id === id);
  receiver.close = () => server.closeAllConnections?.() ?? server.close();
  return receiver;
}

test("the forwarder's signature is the one Standard Webhooks publishes", async () => {
  // The spec's example (SCHEMES.md): secret, id, timestamp, body -> v1 signature.
  const sign = standardWebhooksSigner(hookproof, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  const headers = await sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
  assert.equal(headers["webhook-signature"], "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  assert.throws(() => standardWebhooksSigner(hookproof, "not-whsec"), /whsec_/);
});

const DURABLE = TARGETS.filter((target) => target.durable && target.outbox);

for (const target of DURABLE) {
  describe(`outbox: ${target.name}`, () => {
    let server;
    let state;
    let receiver;
    let nextJob = 100;

    const figures = {};
    const admin = async (path, method = "GET") => {
      const response = await fetch(server.base + path, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.ok(response.ok, `${method} ${path}: ${response.status}`);
      return response.json();
    };
    const env = () => ({ G2SENTRY_SECRET: G2_SECRET, CONTENTSPAL_SECRET, ADMIN_TOKEN, FORWARD_URL: receiver.url, FORWARD_SECRET, RETRY_SCHEDULE });
    const idOf = (jobId, eventType) => `g2sentry:${jobId}:${eventType}`;

    async function deliver(jobId, eventType = "JobAssigned", jobStatus = "Assigned") {
      const body = JSON.stringify({ jobId, eventType, jobName: `Outbox ${jobId}`, jobStatus });
      const signed = hookproof.sign("g2sentry", body, G2_SECRET);
      const response = await fetch(`${server.base}/callbacks/g2sentry`, { method: "POST", headers: signed.headers, body: signed.body });
      assert.equal(response.status, 200);
      return idOf(jobId, eventType);
    }

    const contentspalTime = (index) => new Date(Date.UTC(2026, 2, 3, 14, 30, index)).toISOString();
    const contentspalId = (jobId, index) => `contentspal:job.updated:${jobId}:${contentspalTime(index)}`;
    async function deliverContentspal(jobId, index) {
      const timestamp = contentspalTime(index);
      const body = JSON.stringify({ event: "job.updated", timestamp, organizationId: "org-1", job: { id: jobId, name: `Outbox ${index}`, status: "inventory" } });
      const signed = hookproof.sign("contentspal", body, CONTENTSPAL_SECRET);
      const response = await fetch(`${server.base}/callbacks/contentspal`, { method: "POST", headers: signed.headers, body: signed.body });
      assert.equal(response.status, 200);
      return contentspalId(jobId, index);
    }

    // Every process of the server at once (for wrangler: its node processes and workerd).
    async function kill() {
      for (const pid of treeOf(serverRoot(listenerPid(Number(new URL(server.base).port))))) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {}
      }
      await server.stop();
    }

    before(async () => {
      receiver = await startReceiver();
      state = mkdtempSync(join(tmpdir(), "hookproof-outbox-"));
      server = await target.start({ env: env(), state });
    });
    after(async () => {
      if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output());
      await server?.stop();
      receiver?.close();
      console.log(`# figures ${target.name}: ${JSON.stringify(figures)}`);
      target.cleanup?.(state);
      rmSync(state, { recursive: true, force: true });
    });

    test("an accepted event is forwarded once, signed so that standardwebhooks verifies it, with the event in its body", async () => {
      const id = await deliver(nextJob++);
      await until(() => receiver.seen.has(id), "the forwarded delivery");
      await sleep(300);
      const [attempt] = receiver.attemptsOf(id);
      assert.equal(receiver.attemptsOf(id).length, 1);
      assert.equal(attempt.payload.type, "g2sentry.JobAssigned");
      assert.equal(attempt.payload.data.dedupeKey, id.slice("g2sentry:".length));
      assert.equal(attempt.payload.data.payload.jobStatus, "Assigned");
      assert.equal(receiver.unverified, 0);
    });

    test("a receiver that fails twice gets the event on the third attempt, once", async () => {
      const jobId = nextJob++;
      receiver.plan = (id, number) => (id === idOf(jobId, "JobAssigned") && number <= 2 ? { status: 500 } : { status: 200 });
      const id = await deliver(jobId);
      await until(() => receiver.seen.has(id), "the third attempt");
      await sleep(600);
      assert.equal(receiver.attemptsOf(id).length, 3);
      assert.equal(receiver.seen.get(id), 1);
    });

    test("a receiver that always fails: dead-lettered after the last attempt, never dropped or retried beyond it", async () => {
      const jobId = nextJob++;
      receiver.plan = (id) => (id === idOf(jobId, "JobAssigned") ? { status: 503 } : { status: 200 });
      const id = await deliver(jobId);
      await until(() => receiver.attemptsOf(id).length >= ATTEMPTS, "the last attempt");
      await until(() => /outbox dead provider=g2sentry dedupeKey=\d+:JobAssigned attempt=4 status=503/.test(server.output()), "the dead letter in the log");
      await sleep(1000);
      assert.equal(receiver.attemptsOf(id).length, ATTEMPTS);
      assert.equal(receiver.seen.has(id), false);
      // The operator sees it dead, with every attempt, and replays it: delivered.
      const { dead } = await admin("/dead");
      assert.ok(dead.some((entry) => `g2sentry:${entry.dedupeKey}` === id));
      const before = await admin(`/events/${encodeURIComponent(id)}`);
      assert.equal(before.delivery.state, "dead");
      assert.equal(before.delivery.attempts.length, ATTEMPTS);
      assert.deepEqual(before.delivery.attempts.map((one) => one.status), [503, 503, 503, 503]);
      receiver.plan = () => ({ status: 200 });
      assert.deepEqual(await admin(`/replay/${encodeURIComponent(id)}`, "POST"), { replayed: 1 });
      await until(() => receiver.seen.has(id), "the replayed delivery");
      await until(async () => (await admin(`/events/${encodeURIComponent(id)}`)).delivery.state === "delivered", "the replay settled");
      assert.ok(!(await admin("/dead")).dead.some((entry) => `g2sentry:${entry.dedupeKey}` === id));
      // Replay by time: every event of the provider since then is delivered again.
      const since = new Date(Date.now() - 60_000).toISOString();
      const { replayed } = await admin(`/replay?provider=g2sentry&since=${since}`, "POST");
      assert.ok(replayed >= 1);
      await until(() => receiver.seen.get(id) === 2, "the replay by time");
    });

    test("410 from the receiver ends the attempts at once", async () => {
      const jobId = nextJob++;
      receiver.plan = (id) => (id === idOf(jobId, "JobAssigned") ? { status: 410 } : { status: 200 });
      const id = await deliver(jobId);
      await until(() => receiver.attemptsOf(id).length >= 1, "the attempt");
      await sleep(1000);
      assert.equal(receiver.attemptsOf(id).length, 1);
    });

    test("Retry-After is honoured: the next attempt waits for it, not for the shorter schedule", async () => {
      const jobId = nextJob++;
      receiver.plan = (id, number) => (id === idOf(jobId, "JobAssigned") && number === 1 ? { status: 429, headers: { "retry-after": "2" } } : { status: 200 });
      const id = await deliver(jobId);
      await until(() => receiver.seen.has(id), "the retry");
      const [first, second] = receiver.attemptsOf(id);
      assert.ok(second.at - first.at >= 1900, `retried after ${second.at - first.at} ms`);
    });

    test("a job's events arrive in order of arrival even when the first needs a retry", async () => {
      const jobId = nextJob++;
      receiver.plan = (id, number) => (id === idOf(jobId, "JobAssigned") && number === 1 ? { status: 500 } : { status: 200 });
      const first = await deliver(jobId, "JobAssigned", "Assigned");
      const second = await deliver(jobId, "JobStarted", "InProgress");
      await until(() => receiver.seen.has(first) && receiver.seen.has(second), "both events");
      const firstDone = receiver.attempts.findLast((one) => one.id === first).at;
      const secondStarted = receiver.attemptsOf(second)[0].at;
      assert.ok(secondStarted >= firstDone, "the later event was sent before the earlier one was delivered");
    });

    test("pagination returns every event exactly once across pages while new events arrive", async () => {
      for (let i = 0; i < 30; i++) await deliver(nextJob++);
      const { events: already } = await admin("/events?limit=1000");
      let added = 0;
      let pages = 0;
      const seen = [];
      let page = await admin("/events?limit=7");
      for (;;) {
        pages++;
        seen.push(...page.events);
        // New events arrive between pages: newer than the cursor, so on the first page of the next listing.
        await deliver(nextJob++);
        added++;
        if (page.next === null) break;
        page = await admin(`/events?limit=7&after=${encodeURIComponent(page.next)}`);
      }
      const keyOf = (event) => `${event.provider}:${event.dedupeKey}`;
      assert.equal(new Set(seen.map(keyOf)).size, seen.length, "an event came twice");
      for (const event of already) assert.ok(seen.some((one) => keyOf(one) === keyOf(event)), `${keyOf(event)} was missed`);
      const times = seen.map((event) => event.receivedAt);
      assert.deepEqual([...times].sort().reverse(), times);
      const { events: now } = await admin("/events?limit=1000");
      assert.equal(now.length, already.length + added);
      assert.ok(pages >= 4);
      figures.pagination = { events: already.length, pages, arrivedWhilePaging: added };
    });

    test("SIGKILL between recording and forwarding: after the restart every event is forwarded; the receiver, deduplicating on webhook-id, handles each once", async () => {
      // ContentsPal events of one job: the first one's attempt hangs at the receiver, so the
      // 19 after it are recorded but never attempted (a job's events go in order).
      const jobId = `job-${nextJob++}`;
      const ids = [];
      // Known before it is sent: the forwarder may reach the receiver before the answer.
      const first = contentspalId(jobId, 0);
      receiver.plan = (id) => (id === first ? { status: 200, delayMs: 60_000 } : { status: 200 });
      for (let i = 0; i < 20; i++) ids.push(await deliverContentspal(jobId, i));
      assert.equal(ids[0], first);
      await until(() => receiver.attemptsOf(ids[0]).length === 1, "the first attempt");
      await sleep(300);
      assert.equal(receiver.attempts.filter((one) => ids.includes(one.id)).length, 1, "a later event of the job was attempted before the first was done");
      await kill();
      receiver.plan = () => ({ status: 200 });
      server = await target.start({ env: env(), state });
      await until(() => ids.every((id) => receiver.handled.has(id)), "every event forwarded after the restart");
      const attempts = receiver.attempts.filter((one) => ids.includes(one.id));
      assert.deepEqual([...new Set(attempts.map((one) => one.id))], ids, "not in order of arrival");
      figures.killBeforeForwarding = { events: ids.length, attempts: attempts.length, handled: ids.filter((id) => receiver.handled.has(id)).length };
    });

    test("SIGKILL during forwarding: after the restart every event is forwarded at least once; the receiver handles each once", async () => {
      const ids = [];
      receiver.plan = () => ({ status: 200, delayMs: 1500 });
      for (let i = 0; i < 20; i++) ids.push(await deliver(nextJob++));
      await until(() => receiver.attempts.filter((one) => ids.includes(one.id)).length >= 5, "attempts under way");
      await kill();
      receiver.plan = () => ({ status: 200 });
      server = await target.start({ env: env(), state });
      await until(() => ids.every((id) => receiver.handled.has(id)), "every event forwarded after the restart");
      const attempts = receiver.attempts.filter((one) => ids.includes(one.id));
      assert.ok(attempts.length >= ids.length);
      figures.killDuringForwarding = { events: ids.length, attempts: attempts.length, redelivered: attempts.length - ids.length, handled: ids.filter((id) => receiver.handled.has(id)).length };
    });

    if (target.databaseUrl !== undefined) {
      test("two server processes on one database, sent the same redeliveries at once: each event is recorded once and forwarded once", async () => {
        const second = await startServer(process.execPath, ["server.js"], {
          cwd: join(root, "examples", "node-server"),
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env(), DATABASE_URL: target.databaseUrl(state) },
          stdout: "capture",
        });
        const delivered = (output) => (output.match(/outbox delivered provider=g2sentry dedupeKey=\d+:JobAssigned/g) ?? []).length;
        const firstBefore = delivered(server.output());
        try {
          receiver.plan = () => ({ status: 200, delayMs: 50 });
          const bases = [server.base, second.base];
          const jobs = Array.from({ length: 30 }, () => nextJob++);
          const answers = await Promise.all(
            jobs.flatMap((jobId) => {
              const body = JSON.stringify({ jobId, eventType: "JobAssigned", jobName: `Twice ${jobId}`, jobStatus: "Assigned" });
              // Each delivery twice to each process (a provider's redeliveries), all at once.
              return [0, 1, 0, 1].map(async (which) => {
                const signed = hookproof.sign("g2sentry", body, G2_SECRET);
                const response = await fetch(`${bases[which]}/callbacks/g2sentry`, { method: "POST", headers: signed.headers, body: signed.body });
                return (await response.json()).outcome;
              });
            }),
          );
          assert.equal(answers.filter((outcome) => outcome === "recorded").length, jobs.length);
          assert.equal(answers.filter((outcome) => outcome === "duplicate").length, jobs.length * 3);
          const ids = jobs.map((jobId) => idOf(jobId, "JobAssigned"));
          await until(() => ids.every((id) => receiver.handled.has(id)), "every event forwarded");
          await sleep(500);
          for (const id of ids) assert.equal(receiver.attemptsOf(id).length, 1, `${id} was forwarded ${receiver.attemptsOf(id).length} times`);
          const { events } = await admin("/events?provider=g2sentry&limit=1000");
          for (const id of ids) assert.equal(events.filter((event) => `g2sentry:${event.dedupeKey}` === id).length, 1);
          // Both processes forwarded some: the outbox is shared, not one process's.
          figures.twoProcesses = { events: ids.length, forwardedByFirst: delivered(server.output()) - firstBefore, forwardedBySecond: delivered(second.output()) };
        } finally {
          await second.stop();
        }
      });
    }
  });
}
