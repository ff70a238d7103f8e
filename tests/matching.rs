//! The Rust side of "types that narrow": one `match` on an event's payload reaches the
//! typed data of each event type, with no second decode.

use hookproof::providers::{contentspal, g2sentry, gengo, sir};
use hookproof::{parse, Delivery, Event, Options, Payload};

fn event(provider: &str, body: &str) -> Event {
    let none: [(&str, &str); 0] = [];
    parse(
        provider,
        &Delivery::new(&none, body.as_bytes()),
        &Options::default(),
    )
    .unwrap()
}

/// What an operator's handler does with each event: one match, typed fields.
fn summary(event: &Event) -> String {
    match &event.payload {
        Payload::Sir(sir::Payload::Envelope(sir::Envelope {
            data: sir::Data::ActionCompleted(done),
            ..
        })) => {
            format!(
                "{} distributed {} tokens",
                done.action_id, done.tokens_distributed
            )
        }
        Payload::Sir(sir::Payload::Ping(_))
        | Payload::Sir(sir::Payload::Envelope(sir::Envelope {
            data: sir::Data::Ping(_),
            ..
        })) => String::from("ping"),
        Payload::Sir(sir::Payload::Envelope(envelope)) => format!("sir {}", envelope.kind),
        Payload::ContentsPal(contentspal::Payload {
            event: contentspal::EventType::JobUpdated,
            changes: Some(changes),
            job,
            ..
        }) => {
            format!(
                "{} changed {}",
                job.id,
                changes
                    .iter()
                    .map(|c| c.field.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Payload::ContentsPal(payload) => format!("{} {}", payload.event, payload.job.id),
        Payload::G2Sentry(g2sentry::Job {
            event_type: g2sentry::EventType::JobStarted,
            job_id,
            guardian_phone,
            ..
        }) => {
            format!(
                "job {job_id} started, guardian {}",
                guardian_phone.as_deref().unwrap_or("unknown")
            )
        }
        Payload::G2Sentry(job) => format!("job {} is {}", job.job_id, job.job_status),
        Payload::Gengo(gengo::Payload::Job(job)) => {
            format!("gengo job {} is {}", job.job_id, job.status)
        }
        Payload::Gengo(gengo::Payload::Comment(comment)) => {
            format!("comment on {}: {}", comment.job_id, comment.body)
        }
        // The other providers' payloads are their bodies' JSON as sent (Payload is
        // non-exhaustive: providers are added).
        _ => format!("{} event {}", event.provider, event.kind),
    }
}

#[test]
fn one_match_reaches_every_events_typed_data() {
    let cases = [
        (
            "sir",
            r#"{"id":"evt_1","type":"action.completed","data":{"actionId":"act_9","tokensDistributed":40}}"#,
            "act_9 distributed 40 tokens",
        ),
        (
            "sir",
            r#"{"type":"ping","message":"hi","webhookId":"wh","timestamp":"t"}"#,
            "ping",
        ),
        (
            "sir",
            r#"{"id":"evt_2","type":"partner.status_changed","data":{"type":"ping"}}"#,
            "ping",
        ),
        (
            "sir",
            r#"{"id":"evt_3","type":"campaign.paused","data":{"campaignId":"c"}}"#,
            "sir campaign.paused",
        ),
        (
            "sir",
            r#"{"id":"evt_4","type":"brand.new_type","data":{}}"#,
            "sir brand.new_type",
        ),
        (
            "contentspal",
            r#"{"event":"job.updated","timestamp":"t","organizationId":"o","job":{"id":"j1"},"changes":[{"field":"jobName","oldValue":"a","newValue":"b"}]}"#,
            "j1 changed jobName",
        ),
        (
            "contentspal",
            r#"{"event":"job.deleted","timestamp":"t","organizationId":"o","job":{"id":"j2"}}"#,
            "job.deleted j2",
        ),
        (
            "g2sentry",
            r#"{"jobId":5,"eventType":"JobStarted","jobStatus":"InProgress","guardianPhone":"+1***"}"#,
            "job 5 started, guardian +1***",
        ),
        (
            "g2sentry",
            r#"{"jobId":6,"eventType":"JobCompleted","jobStatus":"Completed"}"#,
            "job 6 is Completed",
        ),
        (
            "gengo",
            "job=%7B%22job_id%22%3A%2242%22%2C%22status%22%3A%22approved%22%7D",
            "gengo job 42 is approved",
        ),
        (
            "gengo",
            "comment=%7B%22job_id%22%3A42%2C%22body%22%3A%22ok%22%2C%22ctime%22%3A1%7D",
            "comment on 42: ok",
        ),
    ];
    for (provider, body, expected) in cases {
        assert_eq!(summary(&event(provider, body)), expected, "{body}");
    }
}
