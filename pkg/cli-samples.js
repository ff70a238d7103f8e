// Sample deliveries for `hookproof sign` and `hookproof send`, after the payloads each
// provider's documentation shows. `n` makes each one a distinct event (its own id or job),
// so `send --count` sends N events, not one event N times.

const now = () => new Date().toISOString();
const g2 = (eventType, jobStatus, phone) => (n) => ({ jobId: 5 + n, eventType, jobName: "Open House at 123 Main St", jobStatus, ...(phone ? { guardianPhone: "+1******8901" } : {}) });
const job = (n) => ({ id: `job-uuid-${n}`, name: "Smith Residence - Fire Damage", status: "inventory", customer: { name: "John Smith", email: "john@example.com", phone: "555-1234" }, ownerUserId: "user-uuid", createdAt: "2026-03-01T10:00:00.000Z", updatedAt: "2026-03-03T14:30:00.000Z" });
const eventId = (n) => `evt_${Date.now().toString(36)}${n.toString(36).padStart(4, "0")}`;

/** provider -> event type -> (n) => body (an object; gengo's is `{ job }` or `{ comment }`). */
export const SAMPLES = {
  g2sentry: {
    JobAssigned: g2("JobAssigned", "Assigned", true),
    JobStarted: g2("JobStarted", "InProgress", true),
    JobCompleted: g2("JobCompleted", "Completed"),
    JobWithdrawed: g2("JobWithdrawed", "New"),
  },
  contentspal: {
    "job.created": (n) => ({ event: "job.created", timestamp: now(), organizationId: "abc123", job: job(n) }),
    "job.updated": (n) => ({ event: "job.updated", timestamp: now(), organizationId: "abc123", job: job(n), changes: [{ field: "settings.customer", oldValue: { name: "J Smith" }, newValue: job(n).customer }] }),
    "job.deleted": (n) => ({ event: "job.deleted", timestamp: now(), organizationId: "abc123", job: { id: `job-uuid-${n}` } }),
  },
  sir: {
    "action.completed": (n) => ({ id: eventId(n), type: "action.completed", createdAt: now(), data: { actionId: `act_${42 + n}`, tokensDistributed: 40 } }),
    "campaign.activated": (n) => ({ id: eventId(n), type: "campaign.activated", createdAt: now(), data: {} }),
    ping: (n) => ({ type: "ping", message: "Test webhook delivery from Partner API", webhookId: `wh_${n + 1}`, timestamp: now() }),
  },
  gengo: {
    job: (n) => ({ job: { job_id: String(384985 + n), order_id: "232", status: "reviewable", lc_src: "en", lc_tgt: "ja", body_src: "Hello", body_tgt: "こんにちは", unit_count: "1", tier: "standard", credits: "0.05", currency: "USD", eta: "", auto_approve: "0", ctime: "1700000000" } }),
    comment: (n) => ({ comment: { job_id: String(384985 + n), body: "Please use the formal register.", ctime: 1700000000, custom_data: "" } }),
  },
};
