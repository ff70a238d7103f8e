// Sample events of each provider, as their documents show them, and the secrets the
// sample deliveries are signed with (samples only).

export const PROVIDER_NAMES = { g2sentry: "G2 Sentry", contentspal: "ContentsPal", sir: "SIR Giving", gengo: "Gengo" };

export const SAMPLE_SECRETS = {
  g2sentry: "sample-g2sentry-callback-secret",
  contentspal: "sample-contentspal-signing-secret",
  sir: "whsec_" + "3f".repeat(32),
  gengo: "sample-gengo-token",
};

const g2 = (eventType, jobStatus, phone) => ({ jobId: 5, eventType, jobName: "Open House at 123 Main St", jobStatus, ...(phone ? { guardianPhone: "+1******8901" } : {}) });
const job = { id: "job-uuid", name: "Smith Residence - Fire Damage", status: "inventory", customer: { name: "John Smith", email: "john@example.com", phone: "555-1234" }, ownerUserId: "user-uuid", createdAt: "2026-03-01T10:00:00.000Z", updatedAt: "2026-03-03T14:30:00.000Z" };
const now = () => new Date().toISOString();

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
};
