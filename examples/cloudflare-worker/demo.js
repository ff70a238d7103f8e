// `make demo`: starts this Worker in workerd (`wrangler dev` on 127.0.0.1, its Durable
// Object state in a fresh directory) and a small receiver for what it forwards, sends it
// what the four providers would send — one genuine delivery each, a redelivery and a
// tampered one — prints what happened, then the Standard Webhooks deliveries arriving at the
// receiver (verified there with the npm `standardwebhooks` package; the first ContentsPal
// attempt fails twice and succeeds on the retry), stops everything and exits (1 if anything
// was not as expected).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as hookproof from "../../pkg/node.js";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { startWorker } from "../../js-tests/examples/targets.js";

// The receiver's verifier: the spec's own JavaScript library, installed for the tests.
const { Webhook } = createRequire(new URL("../../js-tests/examples/", import.meta.url))("standardwebhooks");

// Demo secrets only; a deployment keeps its own with `wrangler secret put`.
const SECRETS = {
  G2SENTRY_SECRET: "demo-g2sentry-callback-secret",
  CONTENTSPAL_SECRET: "demo-contentspal-signing-secret",
  SIR_SECRET: "whsec_" + "5e".repeat(32),
  GENGO_TOKEN: "demo-gengo-url-token",
  ADMIN_TOKEN: "demo-admin-token",
  FORWARD_SECRET: "whsec_" + Buffer.from("demo-forwarding-secret-32-bytes!").toString("base64"),
  RETRY_SCHEDULE: "1,1,1",
};
const ADMIN = { headers: { authorization: `Bearer ${SECRETS.ADMIN_TOKEN}` } };
const secretOf = { g2sentry: SECRETS.G2SENTRY_SECRET, contentspal: SECRETS.CONTENTSPAL_SECRET, sir: SECRETS.SIR_SECRET, gengo: SECRETS.GENGO_TOKEN };

const bodies = {
  g2sentry: { jobId: 5, eventType: "JobStarted", jobName: "Open House at 123 Main St", jobStatus: "InProgress", guardianPhone: "+1******8901" },
  contentspal: {
    event: "job.updated",
    timestamp: "2026-03-03T14:30:00.000Z",
    organizationId: "abc123",
    job: { id: "job-uuid", name: "Smith Residence - Fire Damage", status: "inventory", ownerUserId: "user-uuid" },
    changes: [{ field: "jobName", oldValue: "Smith Residence", newValue: "Smith Residence - Fire Damage" }],
  },
  sir: { id: "evt_abc123", type: "action.completed", createdAt: new Date().toISOString(), data: { actionId: "act_42", tokensDistributed: 40 } },
  gengo: { job: { job_id: "384985", status: "reviewable", lc_src: "en", lc_tgt: "ja", unit_count: "7", credits: "0.35", eta: "" } },
};

const deliveries = [
  ...Object.keys(bodies).map((provider) => ({ provider, note: "genuine", expect: 200 })),
  { provider: "g2sentry", note: "redelivery", expect: 200 },
  { provider: "contentspal", note: "tampered body", expect: 401, tamper: (body) => body.replace("Fire Damage", "Flood Damage") },
];

// The receiver: verifies each forwarded delivery, fails the first two attempts of one.
const arrivals = [];
const started = Date.now();
const verifier = new Webhook(SECRETS.FORWARD_SECRET);
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const id = request.headers["webhook-id"];
    let verified = "yes";
    let type = "?";
    try {
      type = verifier.verify(Buffer.concat(chunks).toString("utf8"), request.headers).type;
    } catch {
      verified = "NO";
    }
    const attempt = arrivals.filter((one) => one.id === id).length + 1;
    const status = verified === "NO" ? 400 : id.startsWith("contentspal:") && attempt <= 2 ? 503 : 204;
    arrivals.push({ id, type, attempt, status, verified, at: Date.now() - started });
    response.writeHead(status).end();
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
SECRETS.FORWARD_URL = `http://127.0.0.1:${receiver.address().port}/webhooks`;

const state = mkdtempSync(join(tmpdir(), "hookproof-demo-"));
console.log("Starting the Worker (examples/cloudflare-worker) in workerd on 127.0.0.1 …");
const worker = await startWorker({ env: SECRETS, state, stdout: "ignore" });
const rows = [];
let unexpected = 0;
try {
  for (const { provider, note, expect, tamper } of deliveries) {
    const path = `/callbacks/${provider}`;
    const signed = hookproof.sign(provider, bodies[provider], secretOf[provider], { url: path });
    const body = tamper ? tamper(signed.body) : signed.body;
    const response = await fetch(worker.base + (signed.url ?? path), { method: "POST", headers: signed.headers, body });
    const answer = await response.json();
    const type = hookproof.parse(provider, { headers: signed.headers, body: signed.body }).type;
    const outcome = answer.outcome ?? `refused: ${answer.error}`;
    if (response.status !== expect) unexpected++;
    rows.push([provider, type, note, String(response.status), outcome]);
  }
  const { events } = await (await fetch(`${worker.base}/events`, ADMIN)).json();
  const job = await (await fetch(`${worker.base}/jobs/g2sentry/5`, ADMIN)).json();
  printTable(["provider", "event type", "delivery", "HTTP", "outcome"], rows);
  console.log(`\nGET /events: ${events.length} events recorded (${events.map((event) => event.dedupeKey).join(", ")})`);
  console.log(`GET /jobs/g2sentry/5: ${JSON.stringify(job.state)}`);
  if (events.length !== 4) unexpected++;

  // Forwarded from each Durable Object's outbox by its alarm, retried on RETRY_SCHEDULE.
  const deadline = Date.now() + 30_000;
  while (new Set(arrivals.filter((one) => one.status === 204).map((one) => one.id)).size < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  console.log(`\nForwarded to ${SECRETS.FORWARD_URL} as Standard Webhooks deliveries (verified there with npm standardwebhooks):`);
  printTable(
    ["after", "webhook-id", "type", "attempt", "verified", "answer"],
    arrivals.map((one) => [`${(one.at / 1000).toFixed(1)} s`, one.id, one.type, String(one.attempt), one.verified, String(one.status)]),
  );
  const delivered = new Set(arrivals.filter((one) => one.status === 204).map((one) => one.id));
  if (delivered.size !== 4 || arrivals.some((one) => one.verified !== "yes")) unexpected++;
  const retried = arrivals.find((one) => one.id.startsWith("contentspal:") && one.status === 204);
  if (retried?.attempt !== 3) unexpected++;
} finally {
  await worker.stop();
  receiver.close();
  rmSync(state, { recursive: true, force: true });
}
console.log(unexpected === 0 ? "\nEvery answer was the expected one; every event was forwarded once verified, one after two failed attempts; the Worker is stopped." : `\n${unexpected} unexpected answer(s)`);
process.exitCode = unexpected === 0 ? 0 : 1;

function printTable(header, body) {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column].length)));
  const line = (cells) => "| " + cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ") + " |";
  console.log("\n" + line(header));
  console.log("|" + widths.map((width) => "-".repeat(width + 2)).join("|") + "|");
  for (const row of body) console.log(line(row));
}
