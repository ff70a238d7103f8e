#!/usr/bin/env python3
"""Writes hostile.json, the hostile-input table (SECURITY.md), the one source that
tests/hostile.rs runs natively and js-tests/cases.js ("hostile table") runs through the npm
package in Node, Deno, workerd and Chromium. Edit the rows here, then:

    python3 tests/vectors/make_hostile.py > tests/vectors/hostile.json

A row: name, provider, headers, body, want ("ok" or an error code), and optionally url,
wantJs (the package's outcome where it differs by design, e.g. 2^53 + 1), wantFetch (the
outcome with a Fetch `Headers` when a name repeats: it joins values with ", "), and each
({"n": {"from", "to", "except"}}: one row per n, "{n}" replaced in the row's strings, and a
whole-string "{n}" by the number).

Header items: [name, value]; {"signed": true} for every header sign() makes for the row's
body at `now` with the provider's key ({"except": name} leaves one out); {"filler": N} for N
headers x-filler-<i>: v.
Values and bodies: a string (UTF-8); {"repeat": s, "times": n}; {"concat": [...]};
{"bytes": [..]} (raw bytes, bodies only); {"signature": true} (the signature header sign()
makes) and {"hex": true} (its hex digits alone); {"slice": v, "from": i, "to": j} and
{"upper": v} of another value (ASCII only).
"""
import json
G2 = '{"jobId":5,"eventType":"JobStarted","jobName":"x","jobStatus":"InProgress"}'
SIR = '{"id":"evt_1","type":"user.created","data":{}}'
CP = '{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"o","job":{"id":"j"}}'
signed = {"signed": True}
sig = {"signature": True}
hexd = {"hex": True}
zeros = {"repeat": "0", "times": 64}
def row(name, provider, headers, body, want, **extra):
    r = {"name": name, "provider": provider, "headers": headers, "body": body, "want": want}
    r.update(extra)
    return r
def g2sig(v): return [["X-Signature", v]]
rows = []
# oversized
rows += [
  row("body over 1 MiB (before hashing)", "g2sentry", [signed], {"repeat": " ", "times": (1 << 20) + 1}, "body_too_large"),
  row("1 MiB signature header", "g2sentry", g2sig({"repeat": "a", "times": 1 << 20}), G2, "malformed_signature"),
  row("10,000 headers, no signature", "g2sentry", [{"filler": 10000}], G2, "missing_signature"),
  row("10,000 headers, signature last", "g2sentry", [{"filler": 10000}, signed], G2, "ok"),
]
# repeated signature headers: the first counts; a Fetch Headers joins them with ", "
rows += [
  row("signature twice, wrong first, right second", "g2sentry", [["X-Signature", zeros], signed], G2, "signature_mismatch", wantFetch="malformed_signature"),
  row("signature twice, right first, wrong second", "g2sentry", [signed, ["X-Signature", zeros]], G2, "ok", wantFetch="malformed_signature"),
  row("signature twice in two casings, wrong first", "g2sentry", [["x-signature", zeros], signed], G2, "signature_mismatch", wantFetch="malformed_signature"),
  row("signature twice in two casings, right first", "g2sentry", [signed, ["x-signature", zeros]], G2, "ok", wantFetch="malformed_signature"),
  row("signature twice (short values)", "g2sentry", [["X-Signature", "ab"], ["X-Signature", "cd"]], "{}", "malformed_signature", wantFetch="malformed_signature"),
  row("SIR timestamp twice, right first", "sir", [signed, ["X-SIR-Timestamp", "1"]], SIR, "ok", wantFetch="malformed_timestamp"),
]
# malformed signatures
rows.append(row("{n} hex digits", "g2sentry", g2sig({"repeat": "a", "times": "{n}"}), G2, "malformed_signature",
                each={"n": {"from": 0, "to": 130, "except": [64]}}))
for name, value in [
  ("a non-hex letter", {"concat": ["g", {"slice": sig, "from": 1}]}),
  ("a NUL", {"concat": ["\u0000", {"slice": sig, "from": 1}]}),
  ("a non-ASCII letter", {"concat": ["\u00e9", {"slice": sig, "from": 2}]}),
  ("full-width digits", {"repeat": "\uff10", "times": 64}),
  ("a space inside", {"concat": [{"slice": sig, "from": 0, "to": 32}, " ", {"slice": sig, "from": 33}]}),
  ("a prefix where none is sent", {"concat": ["sha256=", sig]}),
  ("upper-case hex (documented: accepted)", {"upper": sig}),
]:
  rows.append(row(name, "g2sentry", g2sig(value), G2, "ok" if "accepted" in name else "malformed_signature"))
for name, value, want in [
  ("prefix at the end", {"concat": [hexd, "sha256="]}, "malformed_signature"),
  ("prefix twice", {"concat": ["sha256=sha256=", hexd]}, "malformed_signature"),
  ("no prefix", hexd, "malformed_signature"),
  ("upper-case SHA256= prefix and hex (documented: accepted)", {"concat": ["SHA256=", {"upper": hexd}]}, "ok"),
  ("upper-case SHA256= prefix, lower-case hex (documented: accepted)", {"concat": ["SHA256=", hexd]}, "ok"),
]:
  rows.append(row(name, "contentspal", [["X-Webhook-Signature", value]], CP, want))
# timestamps
def ts(value): return [{"signed": True, "except": "X-SIR-Timestamp"}, ["X-SIR-Timestamp", value]]
for name, value in [
  ("timestamp with a plus sign", "+1700000000"), ("timestamp with a minus sign", "-1700000000"),
  ("timestamp with an exponent", "1.7e9"), ("timestamp with a fraction", "1700000000.5"),
  ("timestamp of full-width digits", "\uff11\uff17\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10"),
  ("timestamp of 40 digits", "1700000000170000000017000000001700000000"),
  ("timestamp with a space inside", "1700 000000"), ("timestamp in hex", "0x6553f100"), ("empty timestamp", ""),
]:
  rows.append(row(name, "sir", ts(value), SIR, "malformed_timestamp"))
rows += [
  row("timestamp padded with spaces (documented: trimmed, the trimmed text is signed)", "sir", ts(" 1700000000 "), SIR, "ok"),
  row("timestamp padded with a tab and a space", "sir", ts("\t1700000000 "), SIR, "ok"),
  row("timestamp with a leading zero the sender did not sign", "sir", ts("01700000000"), "{}", "signature_mismatch"),
]
# bodies
def g2body(name, body, want, **extra): return row(name, "g2sentry", [signed], body, want, **extra)
rows += [
  g2body("invalid UTF-8 in a read field", {"concat": ['{"jobId":5,"eventType":"', {"bytes": [255, 254]}, '","jobStatus":"New"}']}, "malformed_body"),
  g2body("invalid UTF-8 body", {"bytes": [0x7b, 0xff, 0xfe, 0x7d]}, "malformed_body"),
  g2body("nested 100,000 deep (an array, not the object)", {"concat": [{"repeat": "[", "times": 100000}, {"repeat": "]", "times": 100000}]}, "invalid_payload"),
  g2body("nested 100,000 deep in an unknown field (documented: skipped, never recursed into)",
         {"concat": ['{"jobId":5,"eventType":"JobStarted","jobStatus":"New","x":', {"repeat": "[", "times": 100000}, {"repeat": "]", "times": 100000}, "}"]}, "ok"),
  g2body("a duplicate known key", '{"jobId":5,"jobId":6,"eventType":"JobStarted","jobStatus":"New"}', "invalid_payload"),
  g2body("a duplicate unknown key (documented: ignored)", '{"jobId":5,"eventType":"JobStarted","jobStatus":"New","x":1,"x":2}', "ok"),
  g2body("1e400 where a number is read", '{"jobId":1e400,"eventType":"JobStarted","jobStatus":"New"}', "malformed_body"),
  g2body("1e400 in an unknown field (documented: skipped)", '{"jobId":5,"eventType":"JobStarted","jobStatus":"New","x":1e400}', "ok"),
  g2body("2^64", '{"jobId":18446744073709551616,"eventType":"JobStarted","jobStatus":"New"}', "invalid_payload"),
  g2body("a negative id", '{"jobId":-5,"eventType":"JobStarted","jobStatus":"New"}', "invalid_payload"),
  g2body("jobId 2^53 - 1 (the largest JavaScript holds exactly)", '{"jobId":9007199254740991,"eventType":"JobStarted","jobStatus":"New"}', "ok"),
  g2body("jobId 2^53 + 1 (JavaScript would round it: refused there)", '{"jobId":9007199254740993,"eventType":"JobStarted","jobStatus":"New"}', "ok", wantJs="invalid_payload"),
  g2body("not an object", "[]", "invalid_payload"),
  g2body("empty", "", "malformed_body"),
]
# gengo
job = "job=%7B%22job_id%22%3A1%2C%22status%22%3A%22available%22%7D"
comment = "comment=%7B%22job_id%22%3A1%2C%22body%22%3A%22x%22%2C%22ctime%22%3A1%7D"
url = "/cb?token=hostile-key"
for name, body, want, extra in [
  ("gengo: both job and comment", f"{job}&{comment}", "malformed_body", {}),
  ("gengo: neither job nor comment", "other=1", "malformed_body", {}),
  ("gengo: job twice", f"{job}&{job}", "malformed_body", {}),
  ("gengo: broken percent-encoding", "job=%ZZ%7B", "malformed_body", {}),
  ("gengo: a truncated escape", "job=%7", "malformed_body", {}),
  ("gengo: other parameters too (documented: ignored)", f"x=1&{job}&y=%FF", "ok", {}),
  ("gengo: job_id 2^53 + 1 as a string (JavaScript would round it: refused there)",
   "job=%7B%22job_id%22%3A%229007199254740993%22%2C%22status%22%3A%22available%22%7D", "ok", {"wantJs": "invalid_payload"}),
]:
  rows.append(row(name, "gengo", [], body, want, url=url, **extra))
for name, u, want in [
  ("gengo: token twice, right one first (documented: first counts)", "/cb?token=hostile-key&token=x", "ok"),
  ("gengo: token twice, wrong one first", "/cb?token=x&token=hostile-key", "signature_mismatch"),
  ("gengo: broken percent-encoding in the token", "/cb?token=%ZZ", "signature_mismatch"),
  ("gengo: no token", "/cb?x=1", "missing_signature"),
]:
  rows.append(row(name, "gengo", [], job, want, url=u))
doc = {
  "_about": "The hostile-input table (SECURITY.md): one source, run natively by tests/hostile.rs and through the npm package in Node, Deno, workerd and Chromium (js-tests/cases.js, 'hostile table'). Generated by tests/vectors/make_hostile.py; edit that, then run it. See make_hostile.py for the value forms.",
  "now": 1700000000,
  "keys": {"g2sentry": "hostile-key", "contentspal": "hostile-key", "sir": "whsec_hostile", "gengo": "hostile-key"},
  "rows": rows,
}
# One row a line: diffs show which rows changed.
head = json.dumps({k: v for k, v in doc.items() if k != "rows"}, indent=1, ensure_ascii=True)[:-2]
print(head + ',\n "rows": [\n' + ",\n".join("  " + json.dumps(r, ensure_ascii=True) for r in rows) + "\n ]\n}")
