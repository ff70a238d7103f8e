import { webhook } from "hookproof/next";
import { endpointsFor } from "../../../routes/endpoints.js";

export const dynamic = "force-dynamic";
export const GET = endpointsFor(webhook).events;
