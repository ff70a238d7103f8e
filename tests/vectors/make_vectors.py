#!/usr/bin/env python3
"""Known-answer vectors for hookproof, computed independently with Python's hmac.

Run from this folder: `python3 make_vectors.py > vectors.json`. The Rust tests in
tests/known_answers.rs read the output; nothing here imports hookproof.
Payloads are the example bodies of the providers' documents, plus edge cases.
"""
import hashlib
import hmac
import json
import urllib.parse


def hex_mac(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


G2_SECRET = b"g2-callback-secret"
CP_SECRET = b"contentspal signing secret"
SIR_SECRET = b"whsec_" + bytes(range(32)).hex().encode()
GENGO_TOKEN = "t0k3n/with+odd=chars"

g2_bodies = [
    {"jobId": 5, "eventType": "JobAssigned", "jobName": "Open House at 123 Main St", "jobStatus": "Assigned"},
    {"jobId": 5, "eventType": "JobAssigned", "jobName": "Open House at 123 Main St", "jobStatus": "Assigned", "guardianPhone": "+12345678901"},
    {"jobId": 5, "eventType": "JobStarted", "jobName": "Open House at 123 Main St", "jobStatus": "InProgress", "guardianPhone": "+12345678901"},
    {"jobId": 5, "eventType": "JobCompleted", "jobName": "Open House at 123 Main St", "jobStatus": "Completed"},
    {"jobId": 5, "eventType": "JobWithdrawed", "jobName": "Open House at 123 Main St", "jobStatus": "New"},
    {"jobId": 77, "eventType": "JobRescheduled", "jobName": "Gala \u00e9t\u00e9", "jobStatus": "Paused", "newField": [1, 2]},
]

cp_body = {
    "event": "job.updated",
    "timestamp": "2026-03-03T14:30:00.000Z",
    "organizationId": "abc123",
    "job": {
        "id": "job-uuid",
        "name": "Smith Residence - Fire Damage",
        "status": "inventory",
        "customer": {"name": "John Smith", "email": "john@example.com", "phone": "555-1234"},
        "insurance": {"claimNumber": "CLM-2026-001", "company": "State Farm", "lossType": "fire",
                      "policyNumber": "POL-123", "agent": "Jane Doe", "phone": "555-5678", "email": "jane@example.com"},
        "ownerUserId": "user-uuid",
        "createdAt": "2026-03-01T10:00:00.000Z",
        "updatedAt": "2026-03-03T14:30:00.000Z",
    },
    "changes": [{"field": "settings.customer", "oldValue": {"name": "J Smith"},
                 "newValue": {"name": "John Smith", "email": "john@example.com", "phone": "555-1234"}},
                {"field": "jobName", "oldValue": "Smith", "newValue": "Smith Residence - Fire Damage"}],
}

sir_bodies = [
    ("1778404320", {"id": "evt_abc123", "type": "action.completed", "createdAt": "2026-05-10T09:12:00Z",
                    "data": {"actionId": "act_1", "tokensDistributed": 25}}),
    ("1778404321", {"id": "evt_ping1", "type": "partner.status_changed", "createdAt": "2026-05-10T09:12:01Z",
                    "data": {"type": "ping", "message": "Test webhook delivery from Partner API", "webhookId": "wh_1",
                             "timestamp": "2026-05-10T09:12:01Z"}}),
    ("1778404322", {"type": "ping", "message": "Test webhook delivery from Partner API", "webhookId": "wh_1",
                    "timestamp": "2026-05-10T09:12:02Z"}),
    ("1778404323", {"id": "evt_new", "type": "loyalty.tier_changed", "createdAt": "2026-05-10T09:12:03Z",
                    "data": {"tier": "gold"}}),
]

gengo_job = {"job_id": "384985", "order_id": 232, "slug": "00123", "body_src": "Hello", "body_tgt": "Bonjour",
             "lc_src": "en", "lc_tgt": "fr", "unit_count": "1", "unit_type": "word", "tier": "standard",
             "credits": "0.05", "currency": "USD", "status": "reviewable", "eta": -1, "ctime": "1388632254",
             "callback_url": "https://example.com/cb", "auto_approve": "0", "custom_data": "42",
             "file_url_src": None, "preview_url": "https://example.com/p.png"}
gengo_comment = {"job_id": 384985, "body": "Is 'widget' a product name?", "ctime": 1388632299, "custom_data": "42"}


def compact(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def pretty(obj) -> bytes:
    return json.dumps(obj, indent=2, ensure_ascii=False).encode() + b"\n"


vectors = []
for i, body in enumerate(g2_bodies):
    raw = compact(body) if i % 2 == 0 else pretty(body)
    vectors.append({"provider": "g2sentry", "secret": G2_SECRET.decode(), "body": raw.decode(),
                    "headers": {"X-Signature": hex_mac(G2_SECRET, raw)},
                    "expect": {"type": body["eventType"], "dedupeKey": f"{body['jobId']}:{body['eventType']}"}})
raw = pretty(cp_body)
vectors.append({"provider": "contentspal", "secret": CP_SECRET.decode(), "body": raw.decode(),
                "headers": {"X-Webhook-Signature": "sha256=" + hex_mac(CP_SECRET, raw), "X-Webhook-Event": "job.updated"},
                "expect": {"type": "job.updated", "dedupeKey": "job.updated:job-uuid:2026-03-03T14:30:00.000Z"}})
for ts, body in sir_bodies:
    raw = compact(body)
    sig = "sha256=" + hex_mac(SIR_SECRET, ts.encode() + b"." + raw)
    key = body.get("id") or f"ping:{body['webhookId']}:{body['timestamp']}"
    vectors.append({"provider": "sir", "secret": SIR_SECRET.decode(), "body": raw.decode(),
                    "headers": {"X-SIR-Signature": sig, "X-SIR-Timestamp": ts}, "now": int(ts) + 12,
                    "expect": {"type": body["type"], "dedupeKey": key}})
for kind, payload, key in [("job", gengo_job, "job:384985:reviewable"), ("comment", gengo_comment, "comment:384985:1388632299")]:
    raw = urllib.parse.urlencode({kind: json.dumps(payload)})
    url = "https://receiver.example/gengo?" + urllib.parse.urlencode({"token": GENGO_TOKEN})
    vectors.append({"provider": "gengo", "secret": GENGO_TOKEN, "body": raw, "url": url, "headers": {},
                    "expect": {"type": kind, "dedupeKey": key}})

# Upper-case hex is accepted (G2 Sentry's case is documented lower, ContentsPal's is open).
raw = compact(g2_bodies[3])
vectors.append({"provider": "g2sentry", "secret": G2_SECRET.decode(), "body": raw.decode(),
                "headers": {"x-signature": hex_mac(G2_SECRET, raw).upper()},
                "expect": {"type": "JobCompleted", "dedupeKey": "5:JobCompleted"}})
# Bytes that are not UTF-8: the signature covers them as they are; decoding then refuses.
raw = b'{"jobId":5,"jobName":"\xff\xfe"}'
vectors.append({"provider": "g2sentry", "secret": G2_SECRET.decode(), "body_hex": raw.hex(),
                "headers": {"X-Signature": hex_mac(G2_SECRET, raw)}, "expect": {"error": "malformed_body"}})
# Rotation: signed with the old secret, verified with [new, old].
raw = compact(cp_body)
vectors.append({"provider": "contentspal", "secrets": ["brand-new-secret", CP_SECRET.decode()], "body": raw.decode(),
                "headers": {"x-webhook-signature": "sha256=" + hex_mac(CP_SECRET, raw)},
                "expect": {"type": "job.updated", "dedupeKey": "job.updated:job-uuid:2026-03-03T14:30:00.000Z"}})

print(json.dumps(vectors, indent=1, ensure_ascii=False))
