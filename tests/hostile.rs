//! The hostile-input table (SECURITY.md shows it): each input is answered by its stable
//! error code or a documented success, never a panic. The rows live in one file,
//! `tests/vectors/hostile.json` (written by `make_hostile.py`, which documents the forms),
//! so that this native run and the npm package's run in every JS runtime
//! (js-tests/cases.js, "hostile table") cannot drift apart.

use hookproof::{sign, verify, Delivery, Options, SignOptions};
use serde_json::Value;

const TABLE: &str = include_str!("vectors/hostile.json");

struct Table {
    now: u64,
    keys: Value,
}

impl Table {
    fn key(&self, provider: &str) -> &str {
        self.keys[provider].as_str().expect("a key per provider")
    }

    fn signed_headers(&self, provider: &str, body: &[u8]) -> Vec<(String, String)> {
        sign(
            provider,
            body,
            self.key(provider).as_bytes(),
            &SignOptions::at(self.now),
        )
        .unwrap()
        .headers
    }

    fn signature(&self, provider: &str, body: &[u8]) -> String {
        self.signed_headers(provider, body)
            .into_iter()
            .find(|(name, _)| name.to_ascii_lowercase().contains("signature"))
            .expect("an HMAC provider signs")
            .1
    }

    /// A value or body form, as bytes.
    fn bytes(&self, spec: &Value, provider: &str, body: &[u8]) -> Vec<u8> {
        match spec {
            Value::String(text) => text.as_bytes().to_vec(),
            Value::Object(form) => {
                if let Some(unit) = form.get("repeat") {
                    let times = form["times"].as_u64().expect("times") as usize;
                    return unit.as_str().unwrap().repeat(times).into_bytes();
                }
                if let Some(parts) = form.get("concat") {
                    return parts
                        .as_array()
                        .unwrap()
                        .iter()
                        .flat_map(|part| self.bytes(part, provider, body))
                        .collect();
                }
                if let Some(bytes) = form.get("bytes") {
                    return bytes
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|b| b.as_u64().unwrap() as u8)
                        .collect();
                }
                if form.contains_key("signature") {
                    return self.signature(provider, body).into_bytes();
                }
                if form.contains_key("hex") {
                    let signature = self.signature(provider, body);
                    let hex = signature.rsplit('=').next().unwrap();
                    return hex.as_bytes().to_vec();
                }
                if let Some(inner) = form.get("slice") {
                    let whole = self.bytes(inner, provider, body);
                    let from = form["from"].as_u64().unwrap() as usize;
                    let to = form
                        .get("to")
                        .map_or(whole.len(), |to| to.as_u64().unwrap() as usize);
                    return whole[from..to].to_vec();
                }
                if let Some(inner) = form.get("upper") {
                    return self.bytes(inner, provider, body).to_ascii_uppercase();
                }
                panic!("unknown form {spec}")
            }
            _ => panic!("unknown form {spec}"),
        }
    }

    fn headers(&self, row: &Value, body: &[u8]) -> Vec<(String, String)> {
        let provider = row["provider"].as_str().unwrap();
        let mut headers = Vec::new();
        for item in row["headers"].as_array().unwrap() {
            if let Some([name, value]) = item.as_array().map(Vec::as_slice) {
                let value = String::from_utf8(self.bytes(value, provider, body)).unwrap();
                headers.push((name.as_str().unwrap().to_owned(), value));
            } else if let Some(count) = item.get("filler") {
                headers.extend(
                    (0..count.as_u64().unwrap()).map(|i| (format!("x-filler-{i}"), "v".into())),
                );
            } else if item.get("signed").is_some() {
                let except = item.get("except").and_then(Value::as_str).unwrap_or("");
                headers.extend(
                    self.signed_headers(provider, body)
                        .into_iter()
                        .filter(|(name, _)| name != except),
                );
            } else {
                panic!("unknown header item {item}");
            }
        }
        headers
    }
}

/// The rows with every `each` expanded, as the JS runner expands them.
fn rows(table: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for row in table["rows"].as_array().unwrap() {
        let Some(each) = row.get("each") else {
            out.push(row.clone());
            continue;
        };
        let range = &each["n"];
        let except: Vec<u64> = range["except"]
            .as_array()
            .map(|list| list.iter().map(|n| n.as_u64().unwrap()).collect())
            .unwrap_or_default();
        for n in range["from"].as_u64().unwrap()..=range["to"].as_u64().unwrap() {
            if except.contains(&n) {
                continue;
            }
            let text = row
                .to_string()
                .replace("\"{n}\"", &n.to_string())
                .replace("{n}", &n.to_string());
            out.push(serde_json::from_str(&text).unwrap());
        }
    }
    out
}

#[test]
fn every_row_of_the_shared_table() {
    let table: Value = serde_json::from_str(TABLE).expect("hostile.json parses");
    let context = Table {
        now: table["now"].as_u64().unwrap(),
        keys: table["keys"].clone(),
    };
    let rows = rows(&table);
    // The table covers what SECURITY.md lists: not silently emptied.
    assert!(rows.len() > 150, "{} rows", rows.len());
    for row in &rows {
        let name = row["name"].as_str().unwrap();
        let provider = row["provider"].as_str().unwrap();
        let body = context.bytes(&row["body"], provider, &[]);
        let headers = context.headers(row, &body);
        let mut delivery = Delivery::new(&headers, &body);
        if let Some(url) = row.get("url").and_then(Value::as_str) {
            delivery = delivery.with_url(url);
        }
        let got = match verify(
            provider,
            &delivery,
            &[context.key(provider)],
            &Options::default(),
            context.now,
        ) {
            Ok(_) => "ok",
            Err(error) => error.code().as_str(),
        };
        assert_eq!(got, row["want"].as_str().unwrap(), "{name}");
    }
}
