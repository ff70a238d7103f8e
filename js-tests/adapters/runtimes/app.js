// One Hono app on hookproof/hono, for the runtimes other than Node (Deno, workerd): its
// routes fix the options a Node test would otherwise pass in, and /reports and /events
// let the test see what the handler and onError got.
import { Hono } from "hono";
import { webhook } from "hookproof/hono";
import { memoryStore } from "hookproof/stores/memory";

const SIR_SECRET = "whsec_" + "3f".repeat(32);
const events = [];
const reports = [];
const onError = (report) => reports.push({ stage: report.stage, code: report.code, name: report.error?.name, message: report.error?.message, diagnosis: report.explain?.() ?? null });
const record = async (event) => {
  events.push({ provider: event.provider, type: event.type, id: event.id });
};
let calls = 0;

export const app = new Hono();
app.post("/sir", webhook({ provider: "sir", secret: SIR_SECRET, store: memoryStore(), handler: record, onError }));
app.post("/sir-small", webhook({ provider: "sir", secret: SIR_SECRET, maxBodyBytes: 1024, handler: record, onError }));
app.post("/sir-flaky", webhook({ provider: "sir", secret: SIR_SECRET, store: memoryStore(), onError, handler: async () => {
  calls += 1;
  if (calls === 1) throw new Error("first attempt fails");
} }));
app.post("/challenge", webhook({ provider: "sir", secret: SIR_SECRET, handler: record, onError, challenge: (event) => (event.type === "ping" ? { body: { pong: event.payload.webhookId } } : null) }));
app.post("/g2sentry", webhook({ provider: "g2sentry", secret: "test-g2sentry-secret", handler: record, onError }));
app.post("/gengo", webhook({ provider: "gengo", secret: "test-gengo-token", handler: record, onError }));
app.use("/parsed", async (c, next) => {
  await c.req.json();
  await next();
});
app.post("/parsed", webhook({ provider: "sir", secret: SIR_SECRET, handler: record, onError }));
app.get("/events", (c) => c.json(events));
app.get("/reports", (c) => c.json(reports));
