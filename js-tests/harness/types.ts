// Type-checked by `deno check` (never run): the package's index.d.ts must describe the API.
import {
  detectProvider, explain, parse, sign, verify, verifyRequest, ready, memoryBytes,
  Verifier, WebhookError,
  type Delivery, type Diagnosis, type ErrorCode, type Hint, type Provider, type Signed, type WebhookEvent, type gengo, type sir,
} from "hookproof";

const delivery: Delivery = { headers: new Headers(), body: new Uint8Array(0), url: "/cb?token=t" };
const nodeStyle: Delivery = { headers: { "x-sir-signature": ["a", "b"], host: undefined }, body: "{}" };
const pairs: Delivery = { headers: [["X-Signature", "00"]], body: new ArrayBuffer(2) };

const event: WebhookEvent<"sir"> = verify("sir", delivery, ["new", new Uint8Array([1])], { now: 1, toleranceSeconds: 5 });
const payload: sir.Payload = event.payload;
const id: string | null = event.id;
const key: string = event.dedupeKey;

const verifier = new Verifier("gengo", "token", { tokenParam: "t", maxBodyBytes: 60_000 });
const job: gengo.Payload = verifier.verify(pairs, { now: 0 }).payload;
verifier.free();

const parsed = parse("g2sentry", nodeStyle);
const jobId: number = parsed.payload.jobId;

const signed: Signed = sign("contentspal", { event: "job.created" }, "secret", { timestamp: 1 });
const headers: Record<string, string> = signed.headers;
const diagnosis: Diagnosis = explain("sir", delivery, "s");
const hints: Hint[] = diagnosis.causes;
const refusal: ErrorCode | undefined = diagnosis.error?.code;
const detected: Provider | null = detectProvider(delivery);

async function handler(request: Request): Promise<string> {
  await ready();
  try {
    return (await verifyRequest("contentspal", request, "s")).type;
  } catch (error) {
    if (error instanceof WebhookError) {
      const code: ErrorCode = error.code;
      return code;
    }
    throw error;
  }
}

// @ts-expect-error: not a provider
verify("acme", delivery, "s");
// @ts-expect-error: a number is not a body
parse("sir", { headers: {}, body: 5 });

export { handler, id, key, job, jobId, headers, hints, refusal, detected, payload, memoryBytes };
