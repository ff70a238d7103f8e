// Every provider of the registry through each example endpoint (node:http + SQLite,
// Deno.serve + Deno KV, the Worker + Durable Objects in workerd): one server per target,
// every provider's genuine delivery recorded with the dedupe key the package computes,
// each challenge answered, refusals refused. The four first providers' job state is
// tested in endpoints.test.js.
//
//   node --test js-tests/examples/providers.test.js   (after `make pkg` and the examples' npm installs)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as hookproof from "../../pkg/node.js";
import { providerRows } from "../providers.js";
import { TARGETS } from "./targets.js";
import { secretVariablesOf } from "../../examples/shared/callbacks.js";

const DISCORD_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const DISCORD_PUBLIC = providerRows.discord[2];
const META_VERIFY_TOKEN = "meta-verify-DO-NOT-LEAK";

// Each provider's verifying secret in its `<PROVIDER>_SECRET`; Stripe's as a rotation
// (another endpoint's secret first), Gengo's under its new name.
const ADMIN_TOKEN = "admin-token-providers-DO-NOT-LEAK";
const ENV = { META_VERIFY_TOKEN, GENGO_SECRET: "gengo-token", ADMIN_TOKEN };
for (const [provider, [, , verifying]] of Object.entries(providerRows)) ENV[secretVariablesOf(provider)[0]] = verifying;
ENV.STRIPE_SECRET = `whsec_other, ${providerRows.stripe[2]}`;
// The Meta family share Meta's scheme and secrets.
for (const name of ["whatsapp", "instagram", "messenger"]) ENV[`${name.toUpperCase()}_SECRET`] = providerRows.meta[2];

const JOB_PROVIDERS = ["g2sentry", "contentspal", "sir", "gengo"];
// Every provider the package routes, except the four first (endpoints.test.js) and Gengo.
const NEW_PROVIDERS = hookproof.providers().filter((provider) => !JOB_PROVIDERS.includes(provider));

const contentTypeOf = (body) => (/^[[{]/.test(body) ? "application/json" : "application/x-www-form-urlencoded");

for (const target of TARGETS.filter((one) => one.durable)) {
  describe(target.name, () => {
    let server;
    let state;

    before(async () => {
      state = mkdtempSync(join(tmpdir(), "hookproof-providers-"));
      server = await target.start({ env: ENV, state });
    });
    after(async () => {
      if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output());
      await server?.stop();
      target.cleanup?.(state);
      rmSync(state, { recursive: true, force: true });
    });

    // Signed as the provider sends it, for the URL it is sent to (Twilio, Square, HubSpot
    // sign it). Resolves to the answer, and the event the package reads from the delivery.
    async function deliver(provider, { body, secret, verifying, extra = {}, tamper = (text) => text, method = "POST" }) {
      const row = providerRows[provider === "whatsapp" || provider === "instagram" || provider === "messenger" ? "meta" : provider] ?? [];
      // Linear's time is in the body: now, not the shared rows' fixed instant.
      body ??= provider === "linear" ? `{"type":"Issue","webhookTimestamp":${Date.now()}}` : row[0];
      secret ??= row[1];
      if (verifying === undefined) verifying = row[2];
      const url = `${server.base}/callbacks/${provider}`;
      const signed = hookproof.sign(provider, body, secret, { url, method });
      const headers = { "content-type": contentTypeOf(signed.body), ...signed.headers, ...(row[5] ?? {}), ...extra };
      const sentTo = signed.url ?? url;
      // What the package reads from it (null: a delivery meant to be refused).
      const expected = verifying === null ? null : hookproof.verify(provider, { headers, body: signed.body, url: sentTo, method }, verifying);
      const response = await fetch(sentTo, { method, headers, body: tamper(signed.body) });
      const text = await response.text();
      return { status: response.status, contentType: response.headers.get("content-type"), text, expected };
    }
    const events = async (provider) => {
      const page = await (await fetch(`${server.base}/events?provider=${provider}&limit=1000`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
      return page.events.map((event) => event.dedupeKey);
    };

    test(`every provider (${NEW_PROVIDERS.length}): a genuine delivery is recorded under the package's dedupe key`, async () => {
      for (const provider of NEW_PROVIDERS) {
        const answer = await deliver(provider, {});
        assert.equal(answer.status, 200, `${provider}: ${answer.text}`);
        assert.deepEqual(JSON.parse(answer.text), { outcome: "recorded" }, provider);
        assert.ok((await events(provider)).includes(answer.expected.dedupeKey), `${provider} not in /events`);
      }
      // Gengo under GENGO_SECRET: its token on the URL.
      const gengo = await deliver("gengo", { body: { job: { job_id: "9", status: "available" } }, secret: "gengo-token", verifying: "gengo-token", extra: { "content-type": "application/x-www-form-urlencoded" } });
      assert.equal(gengo.status, 200, gengo.text);
    });

    test("challenges: slack, discord, twitch, zoom (POST) and meta, twitter (GET) are answered, not recorded", async () => {
      const slack = await deliver("slack", { body: '{"type":"url_verification","challenge":"c-slack-1"}' });
      assert.deepEqual([slack.status, slack.text], [200, "c-slack-1"]);
      const discord = await deliver("discord", { body: '{"type":1,"id":"ping-1"}', secret: DISCORD_SEED, verifying: DISCORD_PUBLIC });
      assert.deepEqual([discord.status, JSON.parse(discord.text)], [200, { type: 1 }]);
      assert.match(discord.contentType, /application\/json/);
      const twitch = await deliver("twitch", { body: '{"challenge":"c-twitch-1","subscription":{}}', extra: { "Twitch-Eventsub-Message-Type": "webhook_callback_verification" } });
      assert.deepEqual([twitch.status, twitch.text], [200, "c-twitch-1"]);
      const zoom = await deliver("zoom", { body: '{"event":"endpoint.url_validation","payload":{"plainToken":"pt-1"}}' });
      const zoomSecret = providerRows.zoom[2];
      assert.deepEqual(JSON.parse(zoom.text), { plainToken: "pt-1", encryptedToken: createHmac("sha256", zoomSecret).update("pt-1").digest("hex") });
      for (const [provider, dedupeKey] of [["slack", slack], ["discord", discord], ["twitch", twitch], ["zoom", zoom]].map(([p, a]) => [p, a.expected.dedupeKey])) {
        assert.ok(!(await events(provider)).includes(dedupeKey), `${provider}'s challenge recorded`);
      }

      const meta = await fetch(`${server.base}/callbacks/meta?hub.mode=subscribe&hub.verify_token=${META_VERIFY_TOKEN}&hub.challenge=1158201444`);
      assert.deepEqual([meta.status, await meta.text()], [200, "1158201444"]);
      const wrongToken = await fetch(`${server.base}/callbacks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);
      assert.equal(wrongToken.status, 403);
      assert.ok(!(await wrongToken.text()).includes("1158201444"));
      const crc = await fetch(`${server.base}/callbacks/twitter?crc_token=crc-1`);
      const twitterSecret = providerRows.twitter[2];
      assert.deepEqual(await crc.json(), { response_token: `sha256=${createHmac("sha256", twitterSecret).update("crc-1").digest("base64")}` });
    });

    test("refusals: tampered (stripe), wrong Ed25519 key (discord), another URL (twilio) answer 401, nothing recorded", async () => {
      const body = '{"id":"evt_refused","type":"charge.failed"}';
      const tampered = await deliver("stripe", { body, tamper: (text) => text.replace("failed", "succeeded") });
      assert.deepEqual([tampered.status, JSON.parse(tampered.text)], [401, { error: "signature_mismatch" }]);
      assert.ok(!(await events("stripe")).includes(tampered.expected.dedupeKey));
      const otherKey = providerRows.discord[3];
      const discord = await deliver("discord", { body: '{"type":2,"id":"refused-1","data":{}}', secret: otherKey, verifying: null });
      assert.deepEqual([discord.status, JSON.parse(discord.text)], [401, { error: "signature_mismatch" }]);
      assert.ok(!(await events("discord")).includes("refused-1"));
      // Twilio signs the URL: the same delivery sent to another path of the endpoint.
      const url = `${server.base}/callbacks/twilio`;
      const signed = hookproof.sign("twilio", "CallSid=CA_refused&From=%2B1", providerRows.twilio[1], { url: `${url}?tenant=other` });
      const moved = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...signed.headers }, body: signed.body });
      assert.deepEqual([moved.status, await moved.json()], [401, { error: "signature_mismatch" }]);
      assert.ok(!(await events("twilio")).includes("CA_refused"));
      const output = server.output();
      assert.ok(!output.includes("DO-NOT-LEAK"), "a secret in the log");
    });
  });
}
