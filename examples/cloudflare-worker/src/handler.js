// Your code: what the application does with each verified event, when FORWARD_URL is not
// set. It runs in the provider's Durable Object, from its outbox, after the event is durably
// recorded: at least once per event (make it idempotent: `event.data.dedupeKey` is the same
// on every attempt), in order of arrival per job. Throw to fail the attempt: it is retried on
// RETRY_SCHEDULE, then dead-lettered.
//
// `event` is the forwarded body, parsed: { type: "<provider>.<type>", timestamp,
// data: { provider, type, id, dedupeKey, receivedAt, payload } }.
export async function handleEvent(event) {
  console.log(`handled type=${event.type} dedupeKey=${event.data.dedupeKey}`);
}
