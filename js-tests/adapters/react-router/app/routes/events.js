// A resource route (no default export): its loader answers.
import { webhook } from "hookproof/remix";
import { endpointsFor } from "../../../routes/endpoints.js";

export const loader = endpointsFor(webhook).events;
