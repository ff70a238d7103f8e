// Sample events of each provider, as their documents show them, and the secrets the
// sample deliveries are signed with (samples only). The page signs each with the
// package's `sign`: no signature here is written by hand.

export const PROVIDER_NAMES = {
  g2sentry: "G2 Sentry", contentspal: "ContentsPal", sir: "SIR Giving", gengo: "Gengo",
  standardwebhooks: "Standard Webhooks", stripe: "Stripe", github: "GitHub", shopify: "Shopify", slack: "Slack",
  discord: "Discord", twilio: "Twilio", square: "Square", paddle: "Paddle", zoom: "Zoom", linear: "Linear",
  twitch: "Twitch", hubspot: "HubSpot", mailgun: "Mailgun", gitlab: "GitLab", meta: "Meta", typeform: "Typeform",
  intercom: "Intercom", pagerduty: "PagerDuty", mux: "Mux", lemonsqueezy: "Lemon Squeezy", woocommerce: "WooCommerce",
  zendesk: "Zendesk", telegram: "Telegram", postmark: "Postmark", bitbucket: "Bitbucket", vercel: "Vercel",
  razorpay: "Razorpay", dropbox: "Dropbox", checkout: "Checkout.com", sentry: "Sentry", twitter: "X (Twitter)",
  sendgrid: "SendGrid", calendly: "Calendly", workos: "WorkOS", webflow: "Webflow", mollie: "Mollie",
  recurly: "Recurly", authorizenet: "Authorize.net", adyen: "Adyen", cashfree: "Cashfree",
  whatsapp: "WhatsApp (Meta)", instagram: "Instagram (Meta)", messenger: "Messenger (Meta)",
};

/** The display name of a provider, its registry name where the page has none. */
export const nameOf = (provider) => PROVIDER_NAMES[provider] ?? provider;

// Test keys only. Discord and SendGrid sign with a private key and are verified with the
// public one: RFC 8032's first Ed25519 test key, and a P-256 key made for these samples.
const DISCORD_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const DISCORD_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const SENDGRID_PRIVATE = "1f2e3d4c5b6a79880123456789abcdef0123456789abcdef0123456789abcdef";
const SENDGRID_PUBLIC = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE74gMjvgWiBeWwYjlcbAaxvcMUmJ0VtrkhnWO/9nGPd1c28EeJIg6ElmCQqlYdblqiFT2S/+ayaM4ELgfFU9U5Q==";
const ADYEN_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

/** The key that verifies a sample signed with `SAMPLE_SECRETS[provider]`, where they differ. */
export const SAMPLE_VERIFYING_KEYS = { discord: DISCORD_PUBLIC, sendgrid: SENDGRID_PUBLIC };

/** Headers a provider sends besides the ones `sign` makes (its event type, mostly). */
export const SAMPLE_HEADERS = {
  github: { "X-GitHub-Event": "issues", "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958" },
  shopify: { "X-Shopify-Topic": "orders/create" },
  twitch: { "Twitch-Eventsub-Subscription-Type": "channel.follow", "Twitch-Eventsub-Message-Type": "notification" },
  gitlab: { "X-Gitlab-Event": "Push Hook" },
  woocommerce: { "X-WC-Webhook-Topic": "order.created" },
  bitbucket: { "X-Event-Key": "repo:push", "X-Request-UUID": "4c2e1c3d-0000-4000-8000-000000000001" },
  sentry: { "Sentry-Hook-Resource": "issue" },
};

export const SAMPLE_SECRETS = {
  g2sentry: "sample-g2sentry-callback-secret",
  contentspal: "sample-contentspal-signing-secret",
  sir: "whsec_" + "3f".repeat(32),
  gengo: "sample-gengo-token",
  standardwebhooks: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  stripe: "whsec_sample_stripe_endpoint_secret",
  discord: DISCORD_SEED,
  sendgrid: SENDGRID_PRIVATE,
  adyen: ADYEN_KEY,
  postmark: "hooks:sample-password",
  shopify: "shpss_sample_app_secret",
  paddle: "pdl_ntfset_sample_secret",
};
// Every other provider: a secret of this form (samples only).
export const sampleSecretOf = (provider) => SAMPLE_SECRETS[provider] ?? `sample-${provider}-secret`;
/** What a person enters as the secret to check a sample: the verifying key where it differs. */
export const sampleVerifyingOf = (provider) => SAMPLE_VERIFYING_KEYS[provider] ?? sampleSecretOf(provider);

const g2 = (eventType, jobStatus, phone) => ({ jobId: 5, eventType, jobName: "Open House at 123 Main St", jobStatus, ...(phone ? { guardianPhone: "+1******8901" } : {}) });
const job = { id: "job-uuid", name: "Smith Residence - Fire Damage", status: "inventory", customer: { name: "John Smith", email: "john@example.com", phone: "555-1234" }, ownerUserId: "user-uuid", createdAt: "2026-03-01T10:00:00.000Z", updatedAt: "2026-03-03T14:30:00.000Z" };
const now = () => new Date().toISOString();
const seconds = () => Math.floor(Date.now() / 1000);

export const SAMPLES = {
  g2sentry: {
    JobAssigned: () => g2("JobAssigned", "Assigned", true),
    JobStarted: () => g2("JobStarted", "InProgress", true),
    JobCompleted: () => g2("JobCompleted", "Completed"),
    JobWithdrawed: () => g2("JobWithdrawed", "New"),
  },
  contentspal: {
    "job.created": () => ({ event: "job.created", timestamp: now(), organizationId: "abc123", job }),
    "job.updated": () => ({ event: "job.updated", timestamp: now(), organizationId: "abc123", job, changes: [{ field: "settings.customer", oldValue: { name: "J Smith" }, newValue: job.customer }] }),
    "job.deleted": () => ({ event: "job.deleted", timestamp: now(), organizationId: "abc123", job: { id: "job-uuid" } }),
  },
  sir: {
    "action.completed": () => ({ id: "evt_abc123", type: "action.completed", createdAt: now(), data: { actionId: "act_42", tokensDistributed: 40 } }),
    "campaign.activated": () => ({ id: "evt_def456", type: "campaign.activated", createdAt: now(), data: {} }),
    ping: () => ({ type: "ping", message: "Test webhook delivery from Partner API", webhookId: "wh_1", timestamp: now() }),
  },
  gengo: {
    "job (reviewable)": () => ({ job: { job_id: "384985", order_id: "232", status: "reviewable", lc_src: "en", lc_tgt: "ja", body_src: "Hello", body_tgt: "こんにちは", unit_count: "1", tier: "standard", credits: "0.05", currency: "USD", eta: "", auto_approve: "0", ctime: "1700000000" } }),
    comment: () => ({ comment: { job_id: "384985", body: "Please use the formal register.", ctime: 1700000000, custom_data: "" } }),
  },
  standardwebhooks: { "user.created": () => ({ type: "user.created", timestamp: now(), data: { id: "user_1" } }) },
  stripe: { "payment_intent.succeeded": () => ({ id: "evt_1NsampleStripe", object: "event", type: "payment_intent.succeeded", created: seconds(), data: { object: { id: "pi_1", object: "payment_intent", amount: 2000, currency: "usd" } } }) },
  github: { "issues.opened": () => ({ action: "opened", issue: { number: 1, title: "Found a bug" }, repository: { full_name: "octo/hello" } }) },
  shopify: { "orders/create": () => ({ id: 820982911946154500, email: "jon@example.com", total_price: "10.00" }) },
  slack: { event_callback: () => ({ type: "event_callback", event_id: "Ev08MFMKH6", team_id: "T1", event: { type: "app_mention", text: "hello" } }) },
  discord: { "APPLICATION_COMMAND (2)": () => ({ type: 2, id: "1100000000000000001", application_id: "1", data: { name: "hello" } }) },
  twilio: { "incoming call": () => "CallSid=CA1234567890ABCDE&AccountSid=AC1&From=%2B14158675309&To=%2B18005551212&CallStatus=ringing" },
  square: { "payment.created": () => ({ merchant_id: "MLEFBHHSJGVHD", type: "payment.created", event_id: "ac3ac95b-f97d-458c-a6e6-18981597e05f", created_at: now(), data: { type: "payment", id: "p1" } }) },
  paddle: { "transaction.completed": () => ({ event_id: "evt_01h", event_type: "transaction.completed", occurred_at: now(), data: { id: "txn_1" } }) },
  zoom: { "meeting.started": () => ({ event: "meeting.started", event_ts: Date.now(), payload: { account_id: "a1", object: { id: "1", topic: "Standup" } } }) },
  linear: { "Issue create": () => ({ action: "create", type: "Issue", webhookId: "wh1", webhookTimestamp: Date.now(), data: { id: "iss_1", title: "Bug" } }) },
  twitch: { "channel.follow": () => ({ subscription: { id: "sub_1", type: "channel.follow", version: "2" }, event: { user_name: "viewer", broadcaster_user_name: "streamer" } }) },
  hubspot: { "contact.creation": () => [{ eventId: 100, subscriptionId: 2, portalId: 3, occurredAt: Date.now(), subscriptionType: "contact.creation", objectId: 123 }] },
  mailgun: { delivered: () => ({ signature: { token: "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6" }, "event-data": { event: "delivered", id: "CPgfbmQMTCKtHW6uIWtuVe", recipient: "alice@example.com" } }) },
  gitlab: { "Push Hook": () => ({ object_kind: "push", ref: "refs/heads/main", project: { path_with_namespace: "group/project" } }) },
  meta: { page: () => ({ object: "page", entry: [{ id: "1", time: seconds(), changes: [{ field: "feed", value: {} }] }] }) },
  whatsapp: { whatsapp_business_account: () => ({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: {} }] }] }) },
  instagram: { instagram: () => ({ object: "instagram", entry: [{ id: "1", time: seconds(), changes: [{ field: "comments", value: {} }] }] }) },
  messenger: { page: () => ({ object: "page", entry: [{ id: "1", time: seconds(), messaging: [{ message: { text: "hi" } }] }] }) },
  typeform: { form_response: () => ({ event_id: "01HSAMPLE", event_type: "form_response", form_response: { form_id: "f1", answers: [] } }) },
  intercom: { "conversation.user.created": () => ({ type: "notification_event", topic: "conversation.user.created", id: "notif_1", created_at: seconds(), data: { item: {} } }) },
  pagerduty: { "incident.triggered": () => ({ event: { id: "01BSAMPLE", event_type: "incident.triggered", resource_type: "incident", occurred_at: now(), data: { id: "PGR0VU2", type: "incident" } } }) },
  mux: { "video.asset.ready": () => ({ id: "evt_mux_1", type: "video.asset.ready", created_at: now(), data: { id: "asset_1", status: "ready" } }) },
  lemonsqueezy: { order_created: () => ({ meta: { event_name: "order_created" }, data: { type: "orders", id: "1" } }) },
  woocommerce: { "order.created": () => ({ id: 727, status: "processing", total: "29.35" }) },
  zendesk: { "ticket.created": () => ({ id: "zd_evt_1", type: "zen:event-type:ticket.created", time: now(), detail: { id: "35436" } }) },
  telegram: { message: () => ({ update_id: 10000, message: { message_id: 1, text: "/start", chat: { id: 1 } } }) },
  postmark: { Delivery: () => ({ RecordType: "Delivery", MessageID: "883953f4-6105-42a2-a16a-77a8eac79483", Recipient: "john@example.com" }) },
  bitbucket: { "repo:push": () => ({ push: { changes: [] }, repository: { full_name: "team/repo" } }) },
  vercel: { "deployment.created": () => ({ id: "evt_vc_1", type: "deployment.created", createdAt: Date.now(), payload: { deployment: { id: "dpl_1" } } }) },
  razorpay: { "payment.captured": () => ({ entity: "event", event: "payment.captured", account_id: "acc_1", payload: { payment: { entity: { id: "pay_1" } } } }) },
  dropbox: { "list_folder": () => ({ list_folder: { accounts: ["dbid:AAH4f99"] }, delta: { users: [12345678] } }) },
  checkout: { payment_approved: () => ({ id: "evt_cko_1", type: "payment_approved", created_on: now(), data: { id: "pay_1" } }) },
  sentry: { "issue.created": () => ({ action: "created", installation: { uuid: "i1" }, data: { issue: { id: "1" } } }) },
  twitter: { tweet_create_events: () => ({ for_user_id: "2244994945", tweet_create_events: [{ id_str: "1", text: "hello" }] }) },
  sendgrid: { delivered: () => [{ email: "example@test.com", timestamp: seconds(), event: "delivered", sg_event_id: "sg_event_1", sg_message_id: "m1" }] },
  calendly: { "invitee.created": () => ({ event: "invitee.created", created_at: now(), payload: { uri: "https://api.calendly.com/invitees/1" } }) },
  workos: { "user.created": () => ({ id: "event_01", event: "user.created", created_at: now(), data: { id: "user_01" } }) },
  webflow: { form_submission: () => ({ triggerType: "form_submission", payload: { name: "Contact", id: "f1" } }) },
  mollie: { "payment.paid": () => ({ resource: "event", id: "nextevt_1", type: "payment.paid", createdAt: now(), _embedded: {} }) },
  recurly: { "account.created": () => ({ id: "rc_evt_1", object_type: "account", site_id: "s1", event_type: "created", event_time: now() }) },
  authorizenet: { "payment.authcapture.created": () => ({ notificationId: "d0e8e7fe-c3e7-4add-a480-27bc5ce28a43", eventType: "net.authorize.payment.authcapture.created", eventDate: now(), payload: { id: "60020981676" } }) },
  adyen: { AUTHORISATION: () => ({ live: "false", notificationItems: [{ NotificationRequestItem: { amount: { currency: "EUR", value: 1130 }, eventCode: "AUTHORISATION", merchantAccountCode: "TestMerchant", merchantReference: "ref-1", pspReference: "7914073381342284", success: "true" } }] }) },
  cashfree: { PAYMENT_SUCCESS_WEBHOOK: () => ({ type: "PAYMENT_SUCCESS_WEBHOOK", event_time: now(), data: { order: { order_id: "o1" } } }) },
};

/** Providers that sign the callback URL: their samples are signed for the URL they are sent to. */
export const URL_SIGNED = ["twilio", "square", "hubspot"];
