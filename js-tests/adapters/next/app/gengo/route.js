import { webhook } from "hookproof/next";
import { endpointsFor } from "../../../routes/endpoints.js";

export const POST = endpointsFor(webhook).gengo;
