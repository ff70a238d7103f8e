import { webhook } from "hookproof/astro";
import { endpointsFor } from "../../../routes/endpoints.js";

export const prerender = false;
export const POST = endpointsFor(webhook).sirFlaky;
