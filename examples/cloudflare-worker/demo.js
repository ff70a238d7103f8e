// `make demo`: starts this Worker in workerd (`wrangler dev` on 127.0.0.1, its Durable
// Object state in a fresh directory), sends it what the four providers would send — one
// genuine delivery each, a redelivery and a tampered one — prints what happened, stops
// the Worker and exits (1 if any answer was not the expected one).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as hookproof from "../../pkg/node.js";
import { startWorker } from "../../js-tests/examples/targets.js";

// Demo secrets only; a deployment keeps its own with `wrangler secret put`.
const SECRETS = {
  G2SENTRY_SECRET: "demo-g2sentry-callback-secret",
  CONTENTSPAL_SECRET: "demo-contentspal-signing-secret",
  SIR_SECRET: "whsec_" + "5e".repeat(32),
  GENGO_TOKEN: "demo-gengo-url-token",
  ADMIN_TOKEN: "demo-admin-token",
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
} finally {
  await worker.stop();
  rmSync(state, { recursive: true, force: true });
}
console.log(unexpected === 0 ? "\nEvery answer was the expected one; the Worker is stopped." : `\n${unexpected} unexpected answer(s)`);
process.exitCode = unexpected === 0 ? 0 : 1;

function printTable(header, body) {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column].length)));
  const line = (cells) => "| " + cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ") + " |";
  console.log("\n" + line(header));
  console.log("|" + widths.map((width) => "-".repeat(width + 2)).join("|") + "|");
  for (const row of body) console.log(line(row));
}
