// A resource route (no default export): its action answers.
import { webhook } from "hookproof/remix";
import { endpointsFor } from "../../../routes/endpoints.js";

export const action = endpointsFor(webhook).g2sentry;
