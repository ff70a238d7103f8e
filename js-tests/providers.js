// The shared case rows for every provider beyond the four first ones, run in Node, Deno,
// workerd and Chromium by the same harnesses as cases.js (which appends these). Each row:
// the published example where the provider has one, then genuine, tampered, wrong
// secret, rotation, missing and malformed signature, both window edges, through the npm
// package; user-declared schemes; challenges.

const encoder = new TextEncoder();
const NOW = 1_700_000_000;
const SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const DISCORD_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const DISCORD_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const SG_PRIVATE = "1f2e3d4c5b6a79880123456789abcdef0123456789abcdef0123456789abcdef";
const SG_PUBLIC = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE74gMjvgWiBeWwYjlcbAaxvcMUmJ0VtrkhnWO/9nGPd1c28EeJIg6ElmCQqlYdblqiFT2S/+ayaM4ELgfFU9U5Q==";
const SG_OTHER = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9YBDE1P0qKoCdX+cpkB7aIVxlqWe0X6xYiRZk6WVhg/kBf6DArpvrn7a2nchMsHo+GwiMW3JzwOAY/EQxMR+lA==";
const URL_SIGNED = "https://receiver.example/callbacks/x?tenant=7";

const ADYEN_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
const ADYEN_BODY = '{"live":"false","notificationItems":[{"NotificationRequestItem":{"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"ref-1","pspReference":"7914073381342284","success":"true"}}]}';
// SendGrid's SDK test public key (its published example).
const P256_PUBLIC = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";

const EVENT = '{"id":"evt_9","type":"thing.happened","event_type":"thing.happened","event_id":"evt_9","event":"thing.happened","object":"page"}';

// provider: [body, signing key, verifying key, another key, tolerance or null, headers sign does not make]
const rows = {
  standardwebhooks: ['{"type":"user.created","data":{}}', SW_SECRET, SW_SECRET, "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", 300],
  stripe: [EVENT, "whsec_stripe", "whsec_stripe", "whsec_other", 300],
  github: [EVENT, "gh-secret", "gh-secret", "other", null, { "X-GitHub-Event": "issues" }],
  shopify: [EVENT, "shpss_x", "shpss_x", "other", null, { "X-Shopify-Topic": "orders/create" }],
  slack: ['{"type":"event_callback","event_id":"Ev1","event":{"type":"message"}}', "slack-secret", "slack-secret", "other", 300],
  discord: ['{"type":2,"id":"99","data":{}}', DISCORD_SEED, DISCORD_PUBLIC, "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", 300],
  twilio: ["CallSid=CA1&From=%2B1415&Digits=12", "authtoken", "authtoken", "other", null],
  square: [EVENT, "sq-key", "sq-key", "other", null],
  paddle: [EVENT, "pdl_ntfset_x", "pdl_ntfset_x", "other", 5],
  zoom: [EVENT, "zoom-token", "zoom-token", "other", 300],
  linear: [`{"type":"Issue","webhookTimestamp":${NOW * 1000}}`, "lin", "lin", "other", null],
  twitch: [EVENT, "twitch-secret", "twitch-secret", "other", 600, { "Twitch-Eventsub-Subscription-Type": "channel.follow" }],
  hubspot: ['[{"eventId":1,"subscriptionType":"contact.creation"}]', "hs", "hs", "other", 300],
  mailgun: ['{"signature":{"token":"tok123"},"event-data":{"event":"delivered","id":"e1"}}', "key-1", "key-1", "other", 300],
  gitlab: [EVENT, "gl-token", "gl-token", "other", null, { "X-Gitlab-Event": "Push Hook" }],
  meta: [EVENT, "meta-secret", "meta-secret", "other", null],
  typeform: [EVENT, "tf", "tf", "other", null],
  intercom: ['{"topic":"conversation.user.created","id":"notif_1"}', "hub", "hub", "other", null],
  pagerduty: ['{"event":{"id":"01B","event_type":"incident.triggered"}}', "pd", "pd", "other", null],
  mux: [EVENT, "mux-secret", "mux-secret", "other", 300],
  lemonsqueezy: ['{"meta":{"event_name":"order_created"},"data":{}}', "ls", "ls", "other", null],
  woocommerce: [EVENT, "wc", "wc", "other", null, { "X-WC-Webhook-Topic": "order.created" }],
  zendesk: [EVENT, "zd", "zd", "other", 300],
  telegram: ['{"update_id":10000,"message":{}}', "tg", "tg", "other", null],
  postmark: ['{"RecordType":"Delivery","MessageID":"m1"}', "hook:pa55", "hook:pa55", "hook:other", null],
  bitbucket: [EVENT, "bb", "bb", "other", null, { "X-Event-Key": "repo:push" }],
  vercel: [EVENT, "vc", "vc", "other", null],
  razorpay: [EVENT, "rp", "rp", "other", null],
  dropbox: [EVENT, "db", "db", "other", null],
  checkout: [EVENT, "cko", "cko", "other", null],
  sentry: [EVENT, "sn", "sn", "other", null, { "Sentry-Hook-Resource": "issue" }],
  twitter: [EVENT, "cs", "cs", "other", null],
  sendgrid: ['[{"event":"delivered","sg_event_id":"e1"}]', SG_PRIVATE, SG_PUBLIC, SG_OTHER, 300],
  calendly: [EVENT, "cal", "cal", "other", 180],
  workos: [EVENT, "wo", "wo", "other", 180],
  webflow: [EVENT, "wf", "wf", "other", 300],
  mollie: [EVENT, "mol", "mol", "other", null],
  recurly: ['{"id":"rc1","object_type":"account","event_type":"created"}', "rec", "rec", "other", 300],
  authorizenet: ['{"notificationId":"n1","eventType":"net.authorize.payment.authcapture.created"}', "anet", "anet", "other", null],
  adyen: [ADYEN_BODY, ADYEN_KEY, ADYEN_KEY, "11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB", null],
  cashfree: [EVENT, "cf", "cf", "other", null],
};

// go-pagerduty's webhookv3 test body (one line), also tests/vectors/pagerduty_example.json.
const PAGERDUTY_BODY = '{"event":{"id":"01BWDWL3NYY7LUFPZCC28QUCMK","event_type":"incident.priority_updated","resource_type":"incident","occurred_at":"2021-04-26T17:36:27.458Z","agent":{"html_url":"https://acme.pagerduty.com/users/PLH1HKV","id":"PLH1HKV","self":"https://api.pagerduty.com/users/PLH1HKV","summary":"Tenex Engineer","type":"user_reference"},"client":null,"data":{"id":"PGR0VU2","type":"incident","self":"https://api.pagerduty.com/incidents/PGR0VU2","html_url":"https://acme.pagerduty.com/incidents/PGR0VU2","number":2,"status":"triggered","title":"A little bump in the road","service":{"html_url":"https://acme.pagerduty.com/services/PF9KMXH","id":"PF9KMXH","self":"https://api.pagerduty.com/services/PF9KMXH","summary":"API Service","type":"service_reference"},"assignees":[{"html_url":"https://acme.pagerduty.com/users/PTUXL6G","id":"PTUXL6G","self":"https://api.pagerduty.com/users/PTUXL6G","summary":"User 123","type":"user_reference"}],"escalation_policy":{"html_url":"https://acme.pagerduty.com/escalation_policies/PUS0KTE","id":"PUS0KTE","self":"https://api.pagerduty.com/escalation_policies/PUS0KTE","summary":"Default","type":"escalation_policy_reference"},"teams":[{"html_url":"https://acme.pagerduty.com/teams/PFCVPS0","id":"PFCVPS0","self":"https://api.pagerduty.com/teams/PFCVPS0","summary":"Engineering","type":"team_reference"}],"priority":{"html_url":"https://acme.pagerduty.com/account/incident_priorities","id":"PSO75BM","self":"https://api.pagerduty.com/priorities/PSO75BM","summary":"P1","type":"priority_reference"},"urgency":"high","conference_bridge":{"conference_number":1000,"conference_url":"https://example.com"},"resolve_reason":null}}}';

// Each provider's published example, as sent.
const published = [
  {
    provider: "standardwebhooks",
    secret: SW_SECRET,
    now: 1614265330,
    delivery: {
      headers: { "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330", "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" },
      body: '{"test": 2432232314}',
    },
    dedupeKey: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  },
  {
    provider: "svix",
    secret: "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=",
    now: 1614265330,
    delivery: {
      headers: [["svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"], ["svix-timestamp", "1614265330"], ["svix-signature", "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="]],
      body: '{"test": 2432232314}',
    },
    dedupeKey: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  },
  {
    provider: "slack",
    secret: "8f742231b10e8888abcd99yyyzzz85a5",
    now: 1531420618,
    delivery: {
      headers: { "X-Slack-Signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "X-Slack-Request-Timestamp": "1531420618" },
      body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
    },
    dedupeKey: "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  },
  {
    provider: "twilio",
    secret: "12345",
    now: NOW,
    delivery: {
      headers: { "X-Twilio-Signature": "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
      body: "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212",
      url: "https://mycompany.com/myapp.php?foo=1&bar=2",
    },
    dedupeKey: "CA1234567890ABCDE",
  },
  {
    provider: "square",
    secret: "Ibxx_5AKakO-3qeNVR61Dw",
    now: NOW,
    delivery: {
      headers: { "x-square-hmacsha256-signature": "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=" },
      body: '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}',
      url: "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9",
    },
    dedupeKey: "ac3ac95b-f97d-458c-a6e6-18981597e05f",
  },
  {
    provider: "mailgun",
    secret: "key-3ax6xnjp29jd6fds4gc373sgvjxteol0",
    now: 1403645220,
    delivery: {
      headers: {},
      body: '{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"},"event-data":{"event":"delivered"}}',
    },
    dedupeKey: "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6",
  },
  {
    provider: "pagerduty",
    secret: "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK",
    now: NOW,
    delivery: { headers: { "X-PagerDuty-Signature": "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd" }, body: PAGERDUTY_BODY },
    dedupeKey: "01BWDWL3NYY7LUFPZCC28QUCMK",
  },
  {
    provider: "adyen",
    secret: ADYEN_KEY,
    now: NOW,
    delivery: {
      headers: {},
      body: '{"live":"false","notificationItems":[{"NotificationRequestItem":{"additionalData":{"hmacSignature":"coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0="},"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"TestPayment-1407325143704","pspReference":"7914073381342284","success":"true"}}]}',
    },
    dedupeKey: "AUTHORISATION.7914073381342284",
  },
  {
    provider: "sendgrid",
    secret: P256_PUBLIC,
    now: 1588788367,
    delivery: {
      headers: { "X-Twilio-Email-Event-Webhook-Signature": "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=", "X-Twilio-Email-Event-Webhook-Timestamp": "1588788367" },
      body: '{"category":"example_payload","event":"test_event","message_id":"message_id"}',
    },
    dedupeKey: "eea38441e385d441f79d7ee2d875d19793e70ef3bbb439ca2431bb6d6ca4b475",
  },
];

// Slack's scheme written as a declaration (the README's example).
export const slackDeclaration = {
  name: "my-slack",
  proof: {
    signature: {
      algorithm: "hmac-sha256",
      signed: [{ literal: "v0:" }, "timestamp", { literal: ":" }, "body"],
      location: { header: "X-Slack-Signature" },
      syntax: { prefixed: "v0=" },
      encoding: "hex",
    },
  },
  timestamp: { at: { header: "X-Slack-Request-Timestamp" }, unit: "seconds", tolerance: 300 },
  event: { type: { "first-json": ["/event/type", "/type", "/command"] }, dedupe: { "first-json": ["/event_id", "/trigger_id"] } },
};

class AssertionError extends Error {}
const ok = (condition, message) => {
  if (!condition) throw new AssertionError(message);
};
const equal = (actual, wanted, what = "value") => {
  const a = JSON.stringify(actual);
  const w = JSON.stringify(wanted);
  ok(a === w, `${what}: expected ${w}, got ${a}`);
};
function code(h, fn) {
  try {
    fn();
  } catch (error) {
    ok(error instanceof h.WebhookError, `not a WebhookError: ${error}`);
    return error.code;
  }
  return "verified";
}

function sent(h, provider, at = NOW) {
  const [body, signing, , , , extra = {}] = rows[provider];
  const signed = h.sign(provider, body, signing, { timestamp: at, url: URL_SIGNED });
  return { headers: { ...signed.headers, ...extra }, body: signed.body, url: URL_SIGNED, method: "POST" };
}

function signatureHeader(headers) {
  return Object.keys(headers).find((name) => /signature|hmac|token|authorization/i.test(name) && !/timestamp/i.test(name));
}

// A malformed value of the same syntax as `value`.
function malformed(value) {
  if (/^t=\d+,/.test(value)) return value.replace(/v1=[0-9a-f]+/, "v1=zz");
  if (/^v1=[0-9a-f]+$/.test(value)) return "v1=zz";
  if (/^sha1=/.test(value)) return "sha1=zz";
  if (/^sha512=/.test(value)) return "sha512=zz";
  if (/^\d{13},/.test(value)) return value.replace(/,.*/, ",zz"); // Recurly's <ms>,<sig>
  if (/^t=\d+,v1=/.test(value)) return value.replace(/v1=[0-9a-f]+/, "v1=zz");
  if (/^ts=\d+;/.test(value)) return value.replace(/h1=[0-9a-f]+/, "h1=zz");
  if (/^v1a?,/.test(value)) return "v1,zz";
  const prefix = /^(sha256=|v0=)/.exec(value);
  return (prefix ? prefix[1] : "") + "zz";
}

export function providerCases(h) {
  const list = [];
  const add = (name, run) => list.push({ name, run });

  add("providers: every name, alias and the four first ones are known", () => {
    const names = [...Object.keys(rows), "svix", "clerk", "resend", "whatsapp", "instagram", "messenger", "g2sentry", "contentspal", "sir", "gengo"];
    equal(names.length, 51, "names");
    const keyOf = (provider) => ({ discord: DISCORD_PUBLIC, sendgrid: SG_PUBLIC, adyen: ADYEN_KEY }[provider] ?? (["standardwebhooks", "svix", "clerk", "resend"].includes(provider) ? SW_SECRET : "k"));
    for (const provider of names) equal(code(h, () => new h.Verifier(provider, keyOf(provider))), "verified", provider);
    equal(code(h, () => new h.Verifier("acme", "k")), "unknown_provider");
  });

  for (const example of published) {
    add(`${example.provider}: the published example verifies`, () => {
      const event = h.verify(example.provider, example.delivery, example.secret, { now: example.now });
      equal(event.dedupeKey, example.dedupeKey, "dedupeKey");
      equal(code(h, () => h.verify(example.provider, example.delivery, "wrong", { now: example.now })) !== "verified", true, "wrong secret refused");
    });
  }

  for (const provider of Object.keys(rows)) {
    const [, , verifying, other, tolerance] = rows[provider];
    add(`${provider}: genuine, tampered, wrong secret, rotation`, () => {
      const d = sent(h, provider);
      const event = h.verify(provider, d, verifying, { now: NOW });
      equal(event.provider, provider, "provider");
      ok(typeof event.dedupeKey === "string" && event.dedupeKey.length > 0, "dedupeKey");
      ok(event.payload !== null && typeof event.payload === "object", "payload");
      const verifier = new h.Verifier(provider, [other, verifying]);
      equal(verifier.verify(d, { now: NOW }).dedupeKey, event.dedupeKey, "rotation");
      verifier.free();
      equal(code(h, () => h.verify(provider, d, other, { now: NOW })), "signature_mismatch", "wrong secret");
      // Tokens sign nothing, Mailgun signs its token, Adyen chosen fields (tested below).
      if (!["gitlab", "telegram", "postmark", "mailgun", "adyen"].includes(provider)) {
        const bytes = encoder.encode(d.body);
        const at = bytes.findIndex((b) => b >= 0x61 && b <= 0x7a);
        bytes[at] = bytes[at] === 0x61 ? 0x62 : 0x61;
        equal(code(h, () => h.verify(provider, { ...d, body: bytes }, verifying, { now: NOW })), "signature_mismatch", "tampered");
      }
    });
    add(`${provider}: missing and malformed signature`, () => {
      const d = sent(h, provider);
      if (provider === "adyen") {
        const body = JSON.parse(d.body);
        const data = body.notificationItems[0].NotificationRequestItem.additionalData;
        data.hmacSignature = "zz";
        equal(code(h, () => h.verify(provider, { ...d, body: JSON.stringify(body) }, verifying, { now: NOW })), "malformed_signature");
        delete data.hmacSignature;
        equal(code(h, () => h.verify(provider, { ...d, body: JSON.stringify(body) }, verifying, { now: NOW })), "missing_signature");
        return;
      }
      const name = provider === "mailgun" ? undefined : signatureHeader(d.headers);
      if (name === undefined) {
        const body = JSON.parse(d.body);
        delete body.signature.signature;
        equal(code(h, () => h.verify(provider, { ...d, body: JSON.stringify(body) }, verifying, { now: NOW })), "missing_signature");
        return;
      }
      const without = Object.fromEntries(Object.entries(d.headers).filter(([header]) => header !== name));
      equal(code(h, () => h.verify(provider, { ...d, headers: without }, verifying, { now: NOW })), "missing_signature");
      if (["gitlab", "telegram", "postmark"].includes(provider)) return;
      const bad = { ...d.headers, [name]: malformed(d.headers[name]) };
      equal(code(h, () => h.verify(provider, { ...d, headers: bad }, verifying, { now: NOW })), "malformed_signature", `malformed ${bad[name]}`);
    });
    if (tolerance !== null) {
      add(`${provider}: both window edges (±${tolerance} s)`, () => {
        const d = sent(h, provider);
        for (const now of [NOW - tolerance, NOW + tolerance]) h.verify(provider, d, verifying, { now });
        equal(code(h, () => h.verify(provider, d, verifying, { now: NOW + tolerance + 1 })), "timestamp_too_old");
        equal(code(h, () => h.verify(provider, d, verifying, { now: NOW - tolerance - 1 })), "timestamp_in_future");
      });
    }
  }

  add("adyen: every signed field counts, the key is hex", () => {
    const d = sent(h, "adyen");
    const body = JSON.parse(d.body);
    body.notificationItems[0].NotificationRequestItem.amount.value = 1131;
    equal(code(h, () => h.verify("adyen", { ...d, body: JSON.stringify(body) }, ADYEN_KEY, { now: NOW })), "signature_mismatch", "amount");
    equal(code(h, () => new h.Verifier("adyen", "not hex")), "invalid_secret", "key form");
  });
  add("linear: the body's millisecond timestamp, ±60 s", () => {
    const d = sent(h, "linear");
    h.verify("linear", d, "lin", { now: NOW + 60 });
    equal(code(h, () => h.verify("linear", d, "lin", { now: NOW + 61 })), "timestamp_too_old");
  });

  add("hubspot: method and URL are signed", () => {
    const d = sent(h, "hubspot");
    equal(code(h, () => h.verify("hubspot", { ...d, method: "PUT" }, "hs", { now: NOW })), "signature_mismatch", "method");
    equal(code(h, () => h.verify("hubspot", { ...d, url: "https://receiver.example/other" }, "hs", { now: NOW })), "signature_mismatch", "url");
    equal(code(h, () => h.verify("hubspot", { ...d, method: undefined }, "hs", { now: NOW })), "missing_signature", "no method");
  });

  add("challenges: slack, discord, zoom answers on the event", () => {
    const slack = h.sign("slack", '{"type":"url_verification","challenge":"c-123"}', "slack-secret", { timestamp: NOW });
    equal(h.verify("slack", slack, "slack-secret", { now: NOW }).challenge, "c-123", "slack");
    const discord = h.sign("discord", '{"type":1,"id":"5"}', DISCORD_SEED, { timestamp: NOW });
    equal(h.verify("discord", discord, DISCORD_PUBLIC, { now: NOW }).challenge, '{"type":1}', "discord");
    const zoom = h.sign("zoom", '{"event":"endpoint.url_validation","payload":{"plainToken":"pt"}}', "zoom-token", { timestamp: NOW });
    const answer = JSON.parse(h.verify("zoom", zoom, "zoom-token", { now: NOW }).challenge);
    equal(answer.plainToken, "pt", "zoom plainToken");
    ok(/^[0-9a-f]{64}$/.test(answer.encryptedToken), "zoom encryptedToken is hex HMAC-SHA256");
    equal(h.verify("stripe", sent(h, "stripe"), "whsec_stripe", { now: NOW }).challenge, undefined, "none on ordinary events");
  });

  add("providers(): every canonical name, no alias", () => {
    const names = h.providers();
    equal(names.length, 48, "count");
    for (const provider of [...Object.keys(rows), "g2sentry", "contentspal", "sir", "gengo", "whatsapp"]) ok(names.includes(provider), provider);
    for (const alias of ["svix", "clerk", "resend"]) ok(!names.includes(alias), alias);
  });

  add("getChallengeAnswer: Meta's hub.challenge (verify token, rotation), X's CRC (Web Crypto), null otherwise", async () => {
    const meta = "/callbacks/meta?hub.mode=subscribe&hub.verify_token=tok-2&hub.challenge=1158201444";
    equal(h.getChallengeAnswer("meta", meta, ["tok-1", "tok-2"]), { contentType: "text/plain", body: "1158201444" }, "meta");
    equal(h.getChallengeAnswer("whatsapp", meta, "tok-2")?.body, "1158201444", "whatsapp");
    equal(h.getChallengeAnswer("meta", meta, "guess"), null, "wrong token");
    equal(h.getChallengeAnswer("meta", meta.replace("subscribe", "unsubscribe"), "tok-2"), null, "other mode");
    const key = await crypto.subtle.importKey("raw", encoder.encode("consumer-secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode("crc-1")));
    const wanted = `{"response_token":"sha256=${btoa(String.fromCharCode(...mac))}"}`;
    equal(h.getChallengeAnswer("twitter", "/callbacks/twitter?crc_token=crc-1", "consumer-secret"), { contentType: "application/json", body: wanted }, "twitter");
    equal(h.getChallengeAnswer("twitter", "/callbacks/twitter", "consumer-secret"), null, "no crc_token");
    equal(h.getChallengeAnswer("stripe", "/callbacks/stripe?hub.challenge=1", "whsec_x"), null, "others");
    equal(code(h, () => h.getChallengeAnswer("meta", meta, [])), "invalid_secret", "no token");
  });

  add("verifyRequest: method and URL from the Request (hubspot)", async () => {
    const d = sent(h, "hubspot");
    const request = new Request(URL_SIGNED, { method: "POST", headers: d.headers, body: d.body });
    const event = await h.verifyRequest("hubspot", request, "hs", { now: NOW });
    equal(event.type, "contact.creation", "type");
  });

  add("declared scheme: Slack as a declaration gives the built-in's verdicts", () => {
    const cases = [
      published[2].delivery,
      h.sign("slack", '{"type":"event_callback","event_id":"Ev1","event":{"type":"message"}}', "8f742231b10e8888abcd99yyyzzz85a5", { timestamp: 1531420618 }),
    ];
    for (const d of cases) {
      for (const [secret, now] of [["8f742231b10e8888abcd99yyyzzz85a5", 1531420618], ["wrong", 1531420618], ["8f742231b10e8888abcd99yyyzzz85a5", 1531420919]]) {
        const builtIn = code(h, () => h.verify("slack", d, secret, { now }));
        const declared = code(h, () => h.verify(slackDeclaration, d, secret, { now }));
        equal(declared, builtIn, `verdict at ${now}`);
      }
      const a = h.verify("slack", d, "8f742231b10e8888abcd99yyyzzz85a5", { now: 1531420618 });
      const b = new h.Verifier(slackDeclaration, "8f742231b10e8888abcd99yyyzzz85a5").verify(d, { now: 1531420618 });
      equal([b.provider, b.type, b.dedupeKey], ["my-slack", a.type, a.dedupeKey], "event");
    }
  });

  add("declared scheme: an impossible declaration names the field", () => {
    const broken = { ...slackDeclaration, timestamp: undefined };
    let error;
    try {
      new h.Verifier(broken, "k");
    } catch (caught) {
      error = caught;
    }
    equal(error && error.code, "invalid_argument", "code");
    ok(/scheme\.timestamp/.test(error.message), `names the field: ${error.message}`);
    equal(code(h, () => h.verify({ name: "x", proof: { signature: { algorithm: "md5" } } }, { headers: {}, body: "{}" }, "k")), "invalid_argument", "unknown algorithm");
  });

  return list;
}
export { rows as providerRows };
