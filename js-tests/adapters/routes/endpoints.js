// The fixed endpoints of helpers.fixedAppCases for a route-file framework (Next.js,
// SvelteKit, React Router, Astro): each route file takes one of these, built with that
// framework's adapter. State lives on globalThis: a framework may load the module once per
// route bundle.
import { memoryStore } from "hookproof/stores/memory";

const SIR_SECRET = "whsec_" + "3f".repeat(32);
const state = (globalThis.__hookproofTestState ??= { events: [], reports: [], calls: 0 });

const onError = (report) => state.reports.push({ stage: report.stage, code: report.code, name: report.error?.name, message: report.error?.message, diagnosis: report.explain?.() ?? null });
const record = async (event) => {
  state.events.push({ provider: event.provider, type: event.type, id: event.id });
};
const requestOf = (arg) => (typeof arg?.arrayBuffer === "function" ? arg : arg.request);

/** name -> route handler, for the adapter's `webhook`. */
export function endpointsFor(webhook) {
  const parsed = webhook({ provider: "sir", secret: SIR_SECRET, handler: record, onError });
  return {
    sir: webhook({ provider: "sir", secret: SIR_SECRET, store: memoryStore(), handler: record, onError }),
    sirSmall: webhook({ provider: "sir", secret: SIR_SECRET, maxBodyBytes: 1024, handler: record, onError }),
    sirFlaky: webhook({ provider: "sir", secret: SIR_SECRET, store: memoryStore(), onError, handler: async () => {
      state.calls += 1;
      if (state.calls === 1) throw new Error("first attempt fails");
    } }),
    // A handshake answered only for a verified delivery (SIR's test ping, here).
    challenge: webhook({ provider: "sir", secret: SIR_SECRET, handler: record, onError, challenge: (event) => (event.type === "ping" ? { body: { pong: event.payload.webhookId } } : null) }),
    g2sentry: webhook({ provider: "g2sentry", secret: "test-g2sentry-secret", handler: record, onError }),
    gengo: webhook({ provider: "gengo", secret: "test-gengo-token", handler: record, onError }),
    // The mistake: the route reads the JSON, then hands the request to hookproof.
    parsed: async (arg) => {
      await requestOf(arg).json();
      return parsed(arg);
    },
    events: () => Response.json(state.events),
    reports: () => Response.json(state.reports),
  };
}
