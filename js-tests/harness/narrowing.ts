// Type-checked by `deno check` (never run): comparing `event.type` narrows the payload, for
// every provider; a field of another event type, a misspelt event name and a field of
// another provider's payload do not type-check (each `@ts-expect-error` must find an error).
import { Verifier, verify, verifyRequest, type UnknownEvent, type WebhookEvent } from "hookproof";

declare const delivery: { headers: Record<string, string>; body: string };

// SIR: the README's example.
const sirVerifier = new Verifier("sir", ["whsec_new", "whsec_old"]);
const event = sirVerifier.verify(delivery);
if (event.type === "action.completed") {
  const n: number = event.payload.data.tokensDistributed;
  const actionId: string = event.payload.data.actionId;
  const id: string = event.id;
  void [n, actionId, id];
}
if (event.type === "campaign.activated") {
  // @ts-expect-error: campaign data is not documented: unknown, not action.completed's shape
  void event.payload.data.tokensDistributed;
}
if (event.type === "ping") {
  const webhookId: string | null | undefined = event.payload.webhookId;
  // @ts-expect-error: the bare ping has no envelope id
  const id: string = event.id;
  void [webhookId, id];
}
// @ts-expect-error: a misspelt event name is not a SIR event type
if (event.type === "action.complete") void 0;

function describe(sir: WebhookEvent<"sir">): string {
  switch (sir.type) {
    case "action.completed":
      return `${sir.payload.data.actionId}: ${sir.payload.data.tokensDistributed}`;
    case "ping":
      return "ping";
    case "user.created":
      return sir.payload.id;
    default: {
      // Newer types arrive here at run time.
      const unknown = sir as unknown as UnknownEvent<"sir">;
      return unknown.type;
    }
  }
}

// ContentsPal: `changes` on job.updated only.
const cp = verify("contentspal", delivery, "secret");
if (cp.type === "job.updated") {
  const field: string | undefined = cp.payload.changes?.[0]?.field;
  void field;
}
if (cp.type === "job.created") {
  // @ts-expect-error: job.created carries no changes
  const changes: unknown[] = cp.payload.changes;
  const id: string = cp.payload.job.id;
  void [changes, id];
}

// Gengo: job or comment.
const gengo = verify("gengo", { ...delivery, url: "/cb?token=t" }, "t");
if (gengo.type === "job") {
  const status: string = gengo.payload.status;
  // @ts-expect-error: a job has no comment body
  void gengo.payload.body;
  void status;
} else {
  const body: string = gengo.payload.body;
  void body;
}

// G2 Sentry: the event name narrows eventType; a field of another provider does not exist.
async function g2(request: Request) {
  const g2 = await verifyRequest("g2sentry", request, "secret");
  if (g2.type === "JobStarted") {
    const eventType: "JobStarted" = g2.payload.eventType;
    const jobId: number = g2.payload.jobId;
    void [eventType, jobId];
  }
  // @ts-expect-error: tokensDistributed is SIR's, not G2 Sentry's
  void g2.payload.tokensDistributed;
  // @ts-expect-error: not a G2 Sentry event name
  if (g2.type === "JobCancelled") void 0;
}

export { describe, g2 };
