// What a TypeScript user writes with the adapters: compiled with tsc --strict by
// types.test.js. A line marked @ts-expect-error must fail to compile.
import type { IncomingMessage } from "node:http";
import { webhook as expressWebhook } from "hookproof/express";
import { webhook as fetchWebhook } from "hookproof/fetch";
import { webhookPlugin, webhookRoute } from "hookproof/fastify";
import { webhook as honoWebhook } from "hookproof/hono";
import { webhook as lambdaWebhook, type LambdaHttpEvent } from "hookproof/lambda";
import { webhook as nextWebhook } from "hookproof/next";
import { webhookHandler } from "hookproof/nestjs";
import { webhook as h3Webhook } from "hookproof/h3";
import { webhook as svelteWebhook } from "hookproof/sveltekit";
import { webhook as remixWebhook } from "hookproof/remix";
import { webhook as astroWebhook } from "hookproof/astro";
import { memoryStore } from "hookproof/stores/memory";
import { redisStore } from "hookproof/stores/redis";
import { sqliteStore } from "hookproof/stores/sqlite";
import { denoKvStore } from "hookproof/stores/deno-kv";
import { signedDelivery, signedRequest } from "hookproof/testing";
import { HookproofSetupError, type DedupeStore, type ErrorReport } from "hookproof/express";

const store: DedupeStore = memoryStore({ maxKeys: 10 });

// event.type narrows the payload, as with verify().
export const sir = expressWebhook<"sir", IncomingMessage>({
  provider: "sir",
  secret: ["whsec_a", "whsec_b"],
  store,
  handler: async (event, { request }) => {
    const url: string | undefined = request.url;
    if (event.type === "action.completed") {
      const actionId: string = event.payload.data.actionId;
      return { status: 202, body: { actionId, url } };
    }
  },
  onError: (report: ErrorReport) => {
    const causes = report.explain?.()?.causes.map((cause) => cause.code);
    console.log(report.stage, report.status, report.code, causes);
  },
});

export const g2: (request: Request) => Promise<Response> = fetchWebhook({
  provider: "g2sentry",
  secret: "s",
  handler: (event) => {
    const status: string = event.payload.jobStatus;
    // @ts-expect-error -- no such field on a G2 Sentry payload
    event.payload.notAField;
    console.log(status);
  },
});

// @ts-expect-error -- not a provider
fetchWebhook({ provider: "not-a-provider", secret: "s", handler: () => {} });
// @ts-expect-error -- the handler is required
fetchWebhook({ provider: "sir", secret: "s" });

export const hono = honoWebhook({ provider: "contentspal", secret: "s", handler: async () => {} });
export const lambda: (event: LambdaHttpEvent) => Promise<{ statusCode: number; body: string }> = lambdaWebhook({ provider: "gengo", secret: "t", handler: async () => {} });
export const next = nextWebhook({ provider: "sir", secret: "s", handler: async () => {} });
export const nest = webhookHandler({ provider: "sir", secret: "s", handler: async () => {} });
export const h3 = h3Webhook({ provider: "sir", secret: "s", handler: async () => {} });
export const svelte = svelteWebhook({ provider: "sir", secret: "s", handler: async () => {} });
export const remix = remixWebhook({ provider: "sir", secret: "s", handler: async () => {} });
export const astro = astroWebhook({ provider: "sir", secret: "s", handler: async () => {} });
export { webhookPlugin, webhookRoute, redisStore, sqliteStore, denoKvStore };

export const request: Request = signedRequest("sir", { id: "evt_1" }, "whsec_x", { tamper: true });
export const parts: { path: string; headers: Record<string, string> } = signedDelivery("g2sentry", "{}", "s");
export const isSetup = (error: unknown): boolean => error instanceof HookproofSetupError;
