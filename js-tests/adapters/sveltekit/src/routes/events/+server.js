import { webhook } from "hookproof/sveltekit";
import { endpointsFor } from "../../../../routes/endpoints.js";

export const GET = endpointsFor(webhook).events;
