// The callback endpoints in examples/, each started for real on 127.0.0.1 (node:http with
// SQLite and in memory, Deno.serve with Deno KV and in memory, the Worker with its Durable
// Object in workerd under `wrangler dev`) and sent signed deliveries over HTTP.
//
//   node --test js-tests/examples/      (after `make pkg` and the examples' npm installs)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request as httpRequest } from "node:http";
import * as hookproof from "../../pkg/node.js";
import { TARGETS } from "./targets.js";

// Distinctive, so that a leak into a log line or an answer is easy to spot.
const SECRETS = {
  G2SENTRY_SECRET: "g2-secret-DO-NOT-LEAK",
  CONTENTSPAL_SECRET: "cp-new-DO-NOT-LEAK, cp-old-DO-NOT-LEAK",
  SIR_SECRET: "whsec_" + "c0ffee".repeat(10) + "abcd",
  GENGO_TOKEN: "gengo-token-DO-NOT-LEAK",
  ADMIN_TOKEN: "admin-token-DO-NOT-LEAK",
};
const ADMIN = { authorization: `Bearer ${SECRETS.ADMIN_TOKEN}` };
const SECRET_OF = {
  g2sentry: "g2-secret-DO-NOT-LEAK",
  contentspal: "cp-new-DO-NOT-LEAK",
  sir: SECRETS.SIR_SECRET,
  gengo: SECRETS.GENGO_TOKEN,
};
const OLD_CONTENTSPAL_SECRET = "cp-old-DO-NOT-LEAK";
const LEAKS = ["DO-NOT-LEAK", "c0ffee"];

const now = () => Math.floor(Date.now() / 1000);

function g2(jobId, eventType, jobStatus) {
  return JSON.stringify({ jobId, eventType, jobName: `Open House ${jobId}`, jobStatus, guardianPhone: "+1******1234" });
}
function contentspal(event, jobId, timestamp, name) {
  return JSON.stringify({ event, timestamp, organizationId: "org-1", job: { id: jobId, name, status: "inventory" } });
}
function sir(id, type, createdAt = new Date().toISOString()) {
  return JSON.stringify({ id, type, createdAt, data: { actionId: `act_${id}`, tokensDistributed: 40 } });
}
function gengoJob(jobId, status) {
  return { job: { job_id: String(jobId), status, eta: "", auto_approve: "0", credits: "0.05" } };
}

const GENUINE = {
  g2sentry: { body: g2(5, "JobAssigned", "Assigned"), type: "JobAssigned", dedupeKey: "5:JobAssigned" },
  contentspal: { body: contentspal("job.created", "job-1", "2026-03-03T14:30:00.000Z", "Smith"), type: "job.created", dedupeKey: "job.created:job-1:2026-03-03T14:30:00.000Z" },
  sir: { body: sir("evt_1", "action.completed"), type: "action.completed", dedupeKey: "evt_1" },
  gengo: { body: gengoJob(384985, "reviewable"), type: "job", dedupeKey: "job:384985:reviewable" },
};

// 2 MiB over a connection of its own (as a provider's client would send it), with a
// Content-Length or chunked. Resolves to the status and body, or status "closed".
function postBig(base, { declared }) {
  const { hostname, port } = new URL(base);
  const chunk = Buffer.alloc(65536, 0x20);
  return new Promise((resolve) => {
    const headers = { "x-signature": "00".repeat(32), "content-type": "application/json" };
    if (declared) headers["content-length"] = String(32 * chunk.length);
    const request = httpRequest({ hostname, port, path: "/callbacks/g2sentry", method: "POST", agent: false, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (part) => (text += part));
      response.on("end", () => resolve({ status: response.statusCode, body: text }));
    });
    request.on("error", (error) => resolve({ status: "closed", error: error.code }));
    let sent = 0;
    const write = () => {
      while (sent < 32) {
        sent++;
        if (!request.write(chunk)) return request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

for (const target of TARGETS) {
  describe(target.name, () => {
    let server;
    let state;
    const signatures = [];

    // A delivery as the provider sends it: signed with `sign`, POSTed over HTTP.
    async function deliver(provider, body, { secret = SECRET_OF[provider], timestamp = now(), tamper, path = `/callbacks/${provider}`, headers: extra = {} } = {}) {
      const signed = hookproof.sign(provider, body, secret, { timestamp, url: path });
      for (const [name, value] of Object.entries(signed.headers)) if (/signature/i.test(name)) signatures.push(value.replace(/^sha256=/, ""));
      const sent = tamper ? tamper(signed.body) : signed.body;
      const headers = { ...signed.headers, ...extra };
      if (provider === "gengo") headers["content-type"] = "application/x-www-form-urlencoded";
      const response = await fetch(server.base + (signed.url ?? path), { method: "POST", headers, body: sent });
      return { status: response.status, body: await response.json() };
    }
    // The operator API, with the token.
    const getJson = async (path, headers = ADMIN) => {
      const response = await fetch(server.base + path, { headers });
      return { status: response.status, body: await response.json() };
    };
    // How often `pattern` (global) is in the server's output, waiting up to 2 s for `count`:
    // log lines travel through a pipe and may trail the answer.
    async function logged(pattern, count) {
      let seen = 0;
      for (let waited = 0; waited <= 2000; waited += 50) {
        seen = (server.output().match(pattern) ?? []).length;
        if (seen >= count) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return seen;
    }
    // What a test needs recorded before it runs, delivered here whatever ran before: each
    // test runs alone by name too. Recorded now, or already (a duplicate).
    async function prime(provider, body, options) {
      const answer = await deliver(provider, body, options);
      assert.equal(answer.status, 200, `priming ${provider}: ${JSON.stringify(answer.body)}`);
      assert.ok(["recorded", "duplicate"].includes(answer.body.outcome), JSON.stringify(answer.body));
    }
    const primeGenuine = async () => {
      for (const provider of Object.keys(GENUINE)) await prime(provider, GENUINE[provider].body);
    };
    const primeJob77 = async () => {
      await prime("g2sentry", g2(77, "JobStarted", "InProgress"));
      await prime("g2sentry", g2(77, "JobAssigned", "Assigned"));
    };
    const eventsOf = async (provider) => (await getJson(`/events?provider=${provider}&limit=1000`)).body.events;
    const count = async (provider, dedupeKey) => (await eventsOf(provider)).filter((event) => event.dedupeKey === dedupeKey).length;

    before(async () => {
      state = mkdtempSync(join(tmpdir(), "hookproof-endpoint-"));
      server = await target.start({ env: SECRETS, state });
    });
    after(async () => {
      if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output());
      await server?.stop();
      target.cleanup?.(state);
      rmSync(state, { recursive: true, force: true });
    });

    for (const provider of Object.keys(GENUINE)) {
      test(`${provider}: a genuine delivery is recorded (200) and logged`, async () => {
        const { body, type, dedupeKey } = GENUINE[provider];
        const answer = await deliver(provider, body);
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, { outcome: "recorded" });
        const [event] = (await eventsOf(provider)).filter((one) => one.dedupeKey === dedupeKey);
        assert.equal(event.type, type);
        assert.equal(event.provider, provider);
        assert.equal(event.id, provider === "sir" ? "evt_1" : null);
        assert.ok(Math.abs(Date.parse(event.receivedAt) - Date.now()) < 60_000);
      });
    }

    test("a redelivery answers 200 and is recorded once", async () => {
      await prime("sir", GENUINE.sir.body);
      // A body of this test's own: its first delivery is recorded, whatever ran before.
      const body = g2(6, "JobCompleted", "Completed");
      assert.deepEqual(await deliver("g2sentry", body), { status: 200, body: { outcome: "recorded" } });
      assert.deepEqual(await deliver("g2sentry", body), { status: 200, body: { outcome: "duplicate" } });
      // A redelivery signed afresh (SIR signs each attempt with a new timestamp) too.
      assert.deepEqual(await deliver("sir", GENUINE.sir.body, { timestamp: now() - 5 }), { status: 200, body: { outcome: "duplicate" } });
      assert.equal(await count("g2sentry", "6:JobCompleted"), 1);
      assert.equal(await count("sir", "evt_1"), 1);
    });

    test("g2sentry: JobStarted delivered before JobAssigned leaves the job InProgress", async () => {
      assert.equal((await deliver("g2sentry", g2(77, "JobStarted", "InProgress"))).status, 200);
      assert.equal((await deliver("g2sentry", g2(77, "JobAssigned", "Assigned"))).status, 200);
      const job = await getJson("/jobs/g2sentry/77");
      assert.equal(job.status, 200);
      assert.equal(job.body.state.status, "InProgress");
      assert.equal((await eventsOf("g2sentry")).filter((event) => event.dedupeKey.startsWith("77:")).length, 2);
    });

    test("g2sentry: a job id beyond 2^53 is refused (400), never recorded rounded", async () => {
      const body = '{"jobId":9007199254740993,"eventType":"JobAssigned","jobName":"Big","jobStatus":"Assigned"}';
      assert.deepEqual(await deliver("g2sentry", body), { status: 400, body: { error: "invalid_payload" } });
      assert.equal((await getJson("/jobs/g2sentry/9007199254740993")).status, 404);
      const largest = '{"jobId":9007199254740991,"eventType":"JobAssigned","jobName":"Big","jobStatus":"Assigned"}';
      assert.equal((await deliver("g2sentry", largest)).status, 200);
      assert.equal((await getJson("/jobs/g2sentry/9007199254740991")).body.jobId, "9007199254740991");
    });

    test("contentspal: an older event arriving later does not overwrite a newer one", async () => {
      assert.equal((await deliver("contentspal", contentspal("job.updated", "job-9", "2026-03-05T10:00:00.000Z", "Renamed"))).status, 200);
      assert.equal((await deliver("contentspal", contentspal("job.created", "job-9", "2026-03-01T10:00:00.000Z", "Original"))).status, 200);
      const job = await getJson("/jobs/contentspal/job-9");
      assert.equal(job.body.state.name, "Renamed");
      assert.equal(job.body.state.lastEvent, "job.updated");
      assert.equal((await deliver("contentspal", contentspal("job.deleted", "job-9", "2026-03-06T10:00:00.000Z", "Renamed"))).status, 200);
      assert.equal((await getJson("/jobs/contentspal/job-9")).body.state.status, "deleted");
    });

    test("contentspal: a delivery signed with the old secret of a rotation is accepted", async () => {
      const answer = await deliver("contentspal", contentspal("job.created", "job-rot", "2026-03-03T14:30:00.000Z", "Rotated"), { secret: OLD_CONTENTSPAL_SECRET });
      assert.deepEqual(answer, { status: 200, body: { outcome: "recorded" } });
    });

    test("gengo: the latest status is the job's state; a comment is recorded without changing it", async () => {
      assert.equal((await deliver("gengo", gengoJob(500, "available"))).status, 200);
      assert.equal((await deliver("gengo", gengoJob(500, "pending"))).status, 200);
      const comment = { comment: { job_id: "500", body: "Please check", ctime: 1_700_000_000, custom_data: "" } };
      assert.deepEqual(await deliver("gengo", comment), { status: 200, body: { outcome: "recorded" } });
      assert.equal((await getJson("/jobs/gengo/500")).body.state.status, "pending");
    });

    const before401 = async (provider) => (await eventsOf(provider)).length;

    test("a tampered body is refused with 401 and not recorded", async () => {
      const recorded = await before401("g2sentry");
      const answer = await deliver("g2sentry", g2(8, "JobAssigned", "Assigned"), { tamper: (body) => body.replace('"jobId":8', '"jobId":9') });
      assert.deepEqual(answer, { status: 401, body: { error: "signature_mismatch" } });
      assert.equal(await before401("g2sentry"), recorded);
    });

    test("a wrong secret is refused with 401", async () => {
      const answer = await deliver("sir", sir("evt_wrong", "action.completed"), { secret: "whsec_" + "00".repeat(32) });
      assert.deepEqual(answer, { status: 401, body: { error: "signature_mismatch" } });
      assert.equal(await count("sir", "evt_wrong"), 0);
    });

    test("sir: a delivery an hour old and one an hour ahead are refused with 401", async () => {
      const old = await deliver("sir", sir("evt_old", "action.completed"), { timestamp: now() - 3600 });
      assert.deepEqual(old, { status: 401, body: { error: "timestamp_too_old" } });
      const ahead = await deliver("sir", sir("evt_ahead", "action.completed"), { timestamp: now() + 3600 });
      assert.deepEqual(ahead, { status: 401, body: { error: "timestamp_in_future" } });
      assert.equal((await eventsOf("sir")).filter((event) => event.dedupeKey === "evt_old" || event.dedupeKey === "evt_ahead").length, 0);
    });

    test("gengo: a call without the token and one with a wrong token are refused with 401", async () => {
      const without = await deliver("gengo", gengoJob(600, "available"), { path: "/callbacks/gengo", secret: "x" });
      // sign() put ?token=x on the URL; send the same body to the bare path as well.
      const form = hookproof.sign("gengo", gengoJob(600, "available"), "unused").body;
      const bare = await fetch(`${server.base}/callbacks/gengo`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
      assert.deepEqual({ status: bare.status, body: await bare.json() }, { status: 401, body: { error: "missing_signature" } });
      assert.deepEqual(without, { status: 401, body: { error: "signature_mismatch" } });
      assert.equal(await count("gengo", "job:600:available"), 0);
    });

    test("a genuine delivery with a malformed body is refused with 400", async () => {
      assert.deepEqual(await deliver("g2sentry", '{"jobId":"not a number","eventType":"JobAssigned"}'), { status: 400, body: { error: "invalid_payload" } });
      assert.deepEqual(await deliver("contentspal", "this is not JSON"), { status: 400, body: { error: "malformed_body" } });
    });

    test("a 2 MiB body is refused with 413, declared or streamed", async () => {
      const declared = await postBig(server.base, { declared: true });
      assert.deepEqual(declared, { status: 413, body: '{"error":"body_too_large"}' });
      // No Content-Length: the endpoint counts while reading and stops past the limit. It
      // may close the connection before the client has sent everything.
      const streamed = await postBig(server.base, { declared: false });
      assert.ok(streamed.status === 413 || streamed.status === "closed", `got ${JSON.stringify(streamed)}`);
      assert.equal(await logged(/status=413 code=body_too_large/g, 2), 2);
    });

    test("an unknown provider answers 404, another method 405", async () => {
      const unknown = await fetch(`${server.base}/callbacks/acme`, { method: "POST", body: "{}" });
      assert.equal(unknown.status, 404);
      const get = await fetch(`${server.base}/callbacks/g2sentry`);
      assert.equal(get.status, 405);
      assert.equal(get.headers.get("allow"), "POST");
      const put = await fetch(`${server.base}/callbacks/sir`, { method: "PUT", body: "{}" });
      assert.equal(put.status, 405);
      assert.equal((await getJson("/jobs/g2sentry/unknown-job")).status, 404);
    });

    test("/events lists newest first, and all providers without ?provider", async () => {
      await primeGenuine();
      const all = (await getJson("/events?limit=1000")).body.events;
      const times = all.map((event) => event.receivedAt);
      assert.deepEqual([...times].sort().reverse(), times);
      assert.deepEqual(new Set(all.map((event) => event.provider)), new Set(["g2sentry", "contentspal", "sir", "gengo"]));
      for (const event of all) assert.deepEqual(Object.keys(event).sort(), ["dedupeKey", "id", "provider", "receivedAt", "type"]);
    });

    test("the operator routes refuse a missing or wrong token (401) and pages are bounded", async () => {
      await prime("g2sentry", GENUINE.g2sentry.body); // the event /events/g2sentry:5:JobAssigned reads
      for (const path of ["/events", "/events/g2sentry:5:JobAssigned", "/jobs/g2sentry/77", "/dead"]) {
        assert.equal((await getJson(path, {})).status, 401, path);
        assert.equal((await getJson(path, { authorization: "Bearer admin-token-DO-NOT-LEAK-but-longer" })).status, 401, path);
        assert.equal((await getJson(path, { authorization: SECRETS.ADMIN_TOKEN })).status, 401, path);
      }
      const replay = await fetch(`${server.base}/replay/g2sentry:5:JobAssigned`, { method: "POST" });
      assert.equal(replay.status, 401);
      assert.equal((await getJson("/events?limit=1001")).status, 400);
      assert.equal((await getJson("/events?after=garbage")).status, 400);
      const one = await getJson("/events/g2sentry:5%3AJobAssigned");
      assert.equal(one.status, 200);
      assert.equal(one.body.dedupeKey, "5:JobAssigned");
      assert.equal((await getJson("/events/g2sentry:no-such-event")).status, 404);
    });

    test("log lines carry error codes and never a secret or a signature", async () => {
      // A refusal of each kind this test looks for, and an accepted event (processed after
      // the answer when first recorded: primed by the first test that delivered it).
      await deliver("sir", sir("evt_wrong", "action.completed"), { secret: "whsec_" + "00".repeat(32) });
      await deliver("sir", sir("evt_old", "action.completed"), { timestamp: now() - 3600 });
      await prime("sir", GENUINE.sir.body);
      // The work after the answer logs last: from the outbox where the store has one.
      assert.ok((await logged(/(processed|outbox delivered) provider=sir /g, 1)) >= 1);
      const output = server.output();
      assert.match(output, /code=signature_mismatch/);
      assert.match(output, /code=timestamp_too_old/);
      assert.match(output, /processed provider=sir type=action\.completed|outbox delivered provider=sir dedupeKey=evt_1 attempt=1 handled/);
      for (const leak of [...LEAKS, ...signatures]) assert.ok(!output.includes(leak), `log contains ${leak.slice(0, 8)}…`);
    });

    if (target.durable) {
      test("after a restart the store still knows every event; a provider without its variable answers 503", async () => {
        await primeGenuine();
        await primeJob77();
        const before = (await getJson("/events?limit=1000")).body.events.length;
        await server.stop();
        const { GENGO_TOKEN, ...withoutGengo } = SECRETS;
        server = await target.start({ env: withoutGengo, state });
        assert.equal((await getJson("/events?limit=1000")).body.events.length, before);
        assert.deepEqual(await deliver("g2sentry", GENUINE.g2sentry.body), { status: 200, body: { outcome: "duplicate" } });
        assert.equal((await getJson("/jobs/g2sentry/77")).body.state.status, "InProgress");
        const unconfigured = await deliver("gengo", gengoJob(700, "available"), { secret: GENGO_TOKEN });
        assert.equal(unconfigured.status, 503);
        assert.equal(await logged(/set GENGO_SECRET or GENGO_TOKEN/g, 1), 1);
        // Without ADMIN_TOKEN the operator routes do not exist.
        await server.stop();
        const { ADMIN_TOKEN, ...withoutAdmin } = SECRETS;
        server = await target.start({ env: withoutAdmin, state });
        for (const path of ["/events", "/jobs/g2sentry/77", "/dead"]) assert.equal((await getJson(path)).status, 404, path);
        assert.equal((await fetch(`${server.base}/replay?provider=g2sentry&since=2020-01-01`, { method: "POST", headers: ADMIN })).status, 404);
      });
    }
  });
}
