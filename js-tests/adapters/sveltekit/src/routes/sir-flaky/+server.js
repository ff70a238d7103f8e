import { webhook } from "hookproof/sveltekit";
import { endpointsFor } from "../../../../routes/endpoints.js";

export const POST = endpointsFor(webhook).sirFlaky;
