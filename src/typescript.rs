//! TypeScript declarations generated from the Rust types (feature `typescript`, with
//! `ts-rs`), so the npm package's types cannot drift from what the core returns.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use ts_rs::{Config, TypeVisitor, TS};

use crate::error::ErrorCode;
use crate::providers::Provider;

/// The TypeScript declarations the npm package's `index.d.ts` builds on, generated from the
/// Rust types: every provider's payload types, one namespace per provider
/// (`g2sentry.Payload`, …), `Provider` and `PayloadOf` from the registry, and
/// `CoreErrorCode`, the union of [`ErrorCode`]s. `make pkg`
/// writes them to `pkg/dist/types.d.ts` (`cargo run --example typescript --features
/// typescript`).
///
/// ```
/// let declarations = hookproof::typescript_declarations();
/// assert!(declarations.contains("export declare namespace sir {"));
/// assert!(declarations.contains(r#""timestamp_too_old""#));
/// ```
pub fn typescript_declarations() -> String {
    let quoted = |text: &str| format!("\"{text}\"");
    let names: Vec<String> = Provider::ALL.iter().map(|p| quoted(p.name())).collect();
    let payloads: Vec<String> = Provider::ALL
        .iter()
        .map(|p| format!("  {}: {}.Payload;\n", p.name(), p.name()))
        .collect();
    let events: Vec<String> = Provider::ALL
        .iter()
        .map(|p| format!("  {}: {}.Event;\n", p.name(), p.name()))
        .collect();
    let codes: Vec<String> = ErrorCode::ALL.iter().map(|c| quoted(c.as_str())).collect();
    format!(
        "{}/** The providers in the registry. */\nexport type Provider = {};\n\n\
         /** Each provider's payload type. */\nexport interface PayloadOf {{\n{}}}\n\n\
         /** Each provider's event union, discriminated by `type`. */\nexport interface EventOf {{\n{}}}\n\n\
         /** The core's error codes (`ErrorCode` in Rust). */\nexport type CoreErrorCode = {};\n",
        crate::providers::payload_namespaces(),
        names.join(" | "),
        payloads.concat(),
        events.concat(),
        codes.join(" | ")
    )
}

/// One member of a provider's TypeScript event union: the event `type` it is for, the
/// TypeScript type of its `id`, and the type of its payload (in the provider's namespace).
pub(crate) struct TsEvent {
    pub(crate) kind: String,
    pub(crate) id: &'static str,
    pub(crate) payload: String,
}

impl TsEvent {
    pub(crate) fn new(kind: &str, id: &'static str, payload: String) -> TsEvent {
        TsEvent {
            kind: String::from(kind),
            id,
            payload,
        }
    }
}

/// `export declare namespace <name> { … }` holding `T` as `Payload`, every named type it
/// uses whatever the depth, and `Event`: the union of the provider's known events,
/// discriminated by `type`, each with the payload its type carries.
pub(crate) fn namespace<T: TS + 'static>(name: &str, events: &[TsEvent]) -> String {
    // u64 fields arrive as JSON numbers, which JavaScript reads as `number`.
    let config = Config::default().with_large_int("number");
    let mut collector = Collector {
        config: &config,
        seen: BTreeMap::new(),
    };
    collector.visit::<T>();
    let mut out = format!("export declare namespace {name} {{\n");
    for declaration in collector.seen.values() {
        out.push_str("  export ");
        out.push_str(&declaration.replace('\n', "\n  "));
        out.push('\n');
    }
    let payload = T::name(&config);
    if payload != "Payload" {
        out.push_str(&format!("  export type Payload = {payload};\n"));
    }
    out.push_str(
        "  /** The events this version knows, discriminated by `type`. */\n  export type Event =",
    );
    for event in events {
        out.push_str(&format!(
            "\n    | {{ provider: \"{name}\"; type: \"{}\"; id: {}; dedupeKey: string; payload: {} }}",
            event.kind, event.id, event.payload
        ));
    }
    // A provider whose payload is the body as sent names no event types: its events are
    // any type, with the envelope every event has (an empty union would not parse).
    if events.is_empty() {
        out.push_str(&format!(
            "\n    | {{ provider: \"{name}\"; type: string; id: string | null; dedupeKey: string; payload: Payload; challenge?: string }}"
        ));
    }
    out.push_str(";\n}\n\n");
    out
}

/// Walks a type and everything it refers to; keeps the declaration of each named type.
struct Collector<'a> {
    config: &'a Config,
    seen: BTreeMap<String, String>,
}

impl TypeVisitor for Collector<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only declared types have a file of their own; wrappers and primitives are inlined.
        if T::output_path().is_some() {
            let name = T::ident(self.config);
            if self.seen.contains_key(&name) {
                return;
            }
            self.seen.insert(name, T::decl(self.config));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}
