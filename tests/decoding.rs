//! Typed decoding: field names as sent, forward compatibility, Gengo's loose scalars.

use hookproof::providers::{contentspal, g2sentry, gengo, sir};
use hookproof::{parse, Delivery, ErrorCode, Event, Options, Payload};
use serde_json::{json, Value};

fn decode(provider: &str, body: &[u8]) -> Result<Event, hookproof::Error> {
    let headers: [(&str, &str); 0] = [];
    parse(
        provider,
        &Delivery::new(&headers, body),
        &Options::default(),
    )
}

fn gengo_job(fields: Value) -> Event {
    let body = gengo::form_body("job", &fields.to_string());
    decode("gengo", body.as_bytes()).unwrap()
}

fn as_json(event: &Event) -> Value {
    serde_json::to_value(event).unwrap()
}

#[test]
fn envelope_serializes_with_the_javascript_names() {
    let event = decode(
        "g2sentry",
        br#"{"jobId":5,"eventType":"JobAssigned","jobStatus":"Assigned"}"#,
    )
    .unwrap();
    assert_eq!(
        as_json(&event),
        json!({"provider":"g2sentry","type":"JobAssigned","id":null,"dedupeKey":"5:JobAssigned",
               "payload":{"jobId":5,"eventType":"JobAssigned","jobStatus":"Assigned"}})
    );
}

#[test]
fn unknown_values_and_fields_never_fail() {
    let event = decode(
        "g2sentry",
        br#"{"jobId":9,"eventType":"JobPaused","jobStatus":"OnHold","brandNew":{"x":1}}"#,
    )
    .unwrap();
    let Payload::G2Sentry(job) = &event.payload else {
        panic!()
    };
    assert_eq!(
        job.event_type,
        g2sentry::EventType::Other("JobPaused".into())
    );
    assert_eq!(job.job_status.as_str(), "OnHold");
    assert_eq!(event.kind, "JobPaused");

    let event = decode(
        "sir",
        br#"{"id":"evt_9","type":"loyalty.changed","data":{"tier":"gold"},"extra":true}"#,
    )
    .unwrap();
    let Payload::Sir(sir::Payload::Envelope(envelope)) = &event.payload else {
        panic!()
    };
    let sir::Data::Other(raw) = &envelope.data else {
        panic!()
    };
    assert_eq!(raw.get(), r#"{"tier":"gold"}"#);
    assert_eq!(as_json(&event)["payload"]["data"], json!({"tier":"gold"}));
}

#[test]
fn sir_data_of_an_unexpected_shape_is_kept_raw() {
    let event = decode(
        "sir",
        br#"{"id":"e","type":"action.completed","data":{"actionId":7}}"#,
    )
    .unwrap();
    let Payload::Sir(sir::Payload::Envelope(envelope)) = &event.payload else {
        panic!()
    };
    let sir::Data::Other(raw) = &envelope.data else {
        panic!()
    };
    assert_eq!(raw.get(), r#"{"actionId":7}"#);
}

#[test]
fn sir_pings_decode_in_both_documented_readings() {
    let wrapped = br#"{"id":"evt_p","type":"partner.status_changed","data":{"type":"ping","message":"hi","webhookId":"wh","timestamp":"t"}}"#;
    let event = decode("sir", wrapped).unwrap();
    let Payload::Sir(sir::Payload::Envelope(envelope)) = &event.payload else {
        panic!()
    };
    assert!(
        matches!(&envelope.data, sir::Data::Ping(ping) if ping.webhook_id.as_deref() == Some("wh"))
    );

    let bare = br#"{"type":"ping","message":"hi","webhookId":"wh","timestamp":"t"}"#;
    let event = decode("sir", bare).unwrap();
    assert_eq!(
        (
            event.kind.as_str(),
            event.id.as_deref(),
            event.dedupe_key.as_str()
        ),
        ("ping", None, "ping:wh:t")
    );
    assert_eq!(
        as_json(&event)["payload"],
        json!({"type":"ping","message":"hi","webhookId":"wh","timestamp":"t"})
    );
}

#[test]
fn contentspal_changes_keep_strings_and_objects() {
    let body = json!({"event":"job.updated","timestamp":"T","organizationId":"o","job":{"id":"j"},
        "changes":[{"field":"jobName","oldValue":"a","newValue":"b"},
                   {"field":"settings.customer","newValue":{"name":"N"}}]});
    let event = decode("contentspal", body.to_string().as_bytes()).unwrap();
    let Payload::ContentsPal(payload) = &event.payload else {
        panic!()
    };
    assert_eq!(payload.event, contentspal::EventType::JobUpdated);
    let changes = payload.changes.as_ref().unwrap();
    assert_eq!(changes[0].old_value.as_ref().unwrap().get(), r#""a""#);
    assert_eq!(changes[1].old_value, None);
    assert_eq!(
        changes[1].new_value.as_ref().unwrap().get(),
        r#"{"name":"N"}"#
    );
    let json = as_json(&event);
    assert_eq!(
        json["payload"]["changes"][1],
        json!({"field":"settings.customer","oldValue":null,"newValue":{"name":"N"}})
    );
    assert_eq!(event.dedupe_key, "job.updated:j:T");
}

#[test]
fn contentspal_requires_the_job_id() {
    let body =
        br#"{"event":"job.created","timestamp":"T","organizationId":"o","job":{"name":"x"}}"#;
    assert_eq!(
        decode("contentspal", body).unwrap_err().code(),
        ErrorCode::InvalidPayload
    );
}

#[test]
fn gengo_numbers_arrive_as_numbers_or_strings() {
    let as_strings = gengo_job(
        json!({"job_id":"12","order_id":"34","unit_count":"5","credits":"0.05",
        "eta":"25","ctime":"1388632254","status":"available","auto_approve":"1"}),
    );
    let as_numbers = gengo_job(
        json!({"job_id":12,"order_id":34,"unit_count":5,"credits":0.05,
        "eta":25,"ctime":1388632254,"status":"available","auto_approve":1}),
    );
    assert_eq!(as_strings, as_numbers);
    let payload = &as_json(&as_strings)["payload"];
    for (field, value) in [
        ("job_id", json!(12)),
        ("order_id", json!(34)),
        ("unit_count", json!(5)),
        ("credits", json!(0.05)),
        ("eta", json!(25)),
        ("ctime", json!(1388632254)),
        ("auto_approve", json!(true)),
    ] {
        assert_eq!(payload[field], value, "{field}");
    }
}

#[test]
fn gengo_absent_eta_is_null() {
    for eta in [json!(""), json!(-1), json!("-1"), Value::Null] {
        let event = gengo_job(json!({"job_id":1,"status":"queued","eta":eta}));
        assert_eq!(as_json(&event)["payload"]["eta"], Value::Null, "{eta}");
    }
    let event = gengo_job(json!({"job_id":1,"status":"queued"}));
    assert_eq!(as_json(&event)["payload"]["eta"], Value::Null);
}

#[test]
fn gengo_auto_approve_spellings() {
    for (value, expected) in [
        (json!(true), true),
        (json!(false), false),
        (json!(1), true),
        (json!(0), false),
        (json!("1"), true),
        (json!("0"), false),
    ] {
        let event = gengo_job(json!({"job_id":1,"status":"queued","auto_approve":value}));
        let Payload::Gengo(gengo::Payload::Job(job)) = &event.payload else {
            panic!()
        };
        assert_eq!(job.auto_approve, expected, "{value}");
    }
    let body = gengo::form_body(
        "job",
        r#"{"job_id":1,"status":"queued","auto_approve":"maybe"}"#,
    );
    assert_eq!(
        decode("gengo", body.as_bytes()).unwrap_err().code(),
        ErrorCode::InvalidPayload
    );
}

#[test]
fn gengo_text_fields_stay_text() {
    let event = gengo_job(json!({"job_id":1,"status":"queued","slug":"00123","custom_data":"42"}));
    let payload = &as_json(&event)["payload"];
    assert_eq!(
        (payload["slug"].clone(), payload["custom_data"].clone()),
        (json!("00123"), json!("42"))
    );
    let event = gengo_job(json!({"job_id":1,"status":"queued","custom_data":42}));
    assert_eq!(as_json(&event)["payload"]["custom_data"], json!("42"));
}

#[test]
fn gengo_rejects_numbers_that_are_not_numbers() {
    for bad in [json!("12abc"), json!(1.5), json!(-3), json!(true)] {
        let body = gengo::form_body("job", &json!({"job_id":bad,"status":"queued"}).to_string());
        assert_eq!(
            decode("gengo", body.as_bytes()).unwrap_err().code(),
            ErrorCode::InvalidPayload,
            "{bad}"
        );
    }
}

#[test]
fn gengo_comments_and_cancelled_spelling() {
    let body = gengo::form_body(
        "comment",
        r#"{"job_id":"7","body":"ok?","ctime":"1388632299"}"#,
    );
    let event = decode("gengo", body.as_bytes()).unwrap();
    assert_eq!(
        (event.kind.as_str(), event.dedupe_key.as_str()),
        ("comment", "comment:7:1388632299")
    );
    assert_eq!(
        as_json(&event)["payload"],
        json!({"job_id":7,"body":"ok?","ctime":1388632299,"custom_data":null})
    );

    let event = gengo_job(json!({"job_id":1,"status":"cancelled"}));
    let Payload::Gengo(gengo::Payload::Job(job)) = &event.payload else {
        panic!()
    };
    assert_eq!(job.status, gengo::Status::Canceled);
}

#[test]
fn gengo_ignores_other_form_parameters_and_decodes_plus_as_space() {
    let body = b"api_sig=x&job=%7B%22job_id%22%3A1%2C%22status%22%3A%22queued%22%2C%22slug%22%3A%22a+b%22%7D";
    let event = decode("gengo", body).unwrap();
    assert_eq!(as_json(&event)["payload"]["slug"], json!("a b"));
}

#[test]
fn raw_json_is_kept_verbatim() {
    let body = br#"{"id":"e","type":"x.y","data":{"b": 1.50, "a": [true]}}"#;
    let event = decode("sir", body).unwrap();
    let text = serde_json::to_string(&event).unwrap();
    assert!(
        text.ends_with(r#""data":{"b": 1.50, "a": [true]}}}"#),
        "{text}"
    );
}

#[test]
fn gengo_float_text_and_numeric_strings() {
    let event =
        gengo_job(json!({"job_id":"1.0","status":"queued","custom_data":0.5,"credits":"1e-2"}));
    let payload = &as_json(&event)["payload"];
    assert_eq!(
        (
            payload["job_id"].clone(),
            payload["custom_data"].clone(),
            payload["credits"].clone()
        ),
        (json!(1), json!("0.5"), json!(0.01))
    );
}
