//! Prove a webhook delivery genuine, then decode it into a typed event.
//!
//! hookproof checks the proof a provider puts on each delivery — an HMAC-SHA256
//! signature compared in constant time, a signed timestamp inside a replay window, or a
//! secret URL token — against one or more secrets (rotation), and only then decodes the
//! body into that provider's typed payload, wrapped in a uniform [`Event`]. Data flows one
//! way: [`Delivery`] → proof ([`Verifier::prove`]) → decode → [`Event`].
//!
//! The crate is `no_std` + `alloc`: it never reads a clock (every check takes `now` in
//! unix seconds) and never panics on input. Every refusal is an [`Error`] with a stable
//! [`ErrorCode`]; [`explain`] diagnoses a refusal on request.
//!
//! | provider | proof |
//! |---|---|
//! | [`g2sentry`](providers::g2sentry) | `X-Signature`: hex HMAC-SHA256 of the body |
//! | [`contentspal`](providers::contentspal) | `X-Webhook-Signature`: `sha256=` + hex HMAC-SHA256 of the body |
//! | [`sir`](providers::sir) | `X-SIR-Signature`: `sha256=` + hex HMAC-SHA256 of `<X-SIR-Timestamp>.<body>`, 300 s window |
//! | [`gengo`](providers::gengo) | unsigned: a secret token in the callback URL's query string |
//!
//! ```
//! use hookproof::{sign, Delivery, Options, Payload, SignOptions, Verifier};
//!
//! // Once, at start-up: prepare the secrets (new and old, during a rotation).
//! let verifier = Verifier::new("contentspal", &["new-secret", "old-secret"], Options::default())?;
//!
//! // A delivery as it arrives (here made with `sign`, as the provider would).
//! let body = br#"{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"abc123","job":{"id":"job-uuid","name":"Smith Residence"}}"#;
//! let signed = sign("contentspal", body, b"old-secret", &SignOptions::at(0))?;
//!
//! let event = verifier.verify(&Delivery::new(&signed.headers, body), 1_772_548_200)?;
//! assert_eq!(event.kind, "job.created");
//! let Payload::ContentsPal(payload) = &event.payload else { unreachable!() };
//! assert_eq!(payload.job.name.as_deref(), Some("Smith Residence"));
//! # Ok::<(), hookproof::Error>(())
//! ```
// The `typescript` feature (a native build-time tool) links std: ts-rs derives want its
// prelude. Every other build is no_std.
#![cfg_attr(not(feature = "typescript"), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod declaration;
mod decode;
mod delivery;
mod error;
mod event;
mod explain;
mod headers;
mod options;
mod proof;
pub mod providers;
mod raw;
pub mod scheme;
#[cfg(feature = "typescript")]
mod typescript;
mod verify;
// Test-only counts of the work done (issue 20): src/work_counter.rs.
#[cfg(all(test, feature = "std"))]
mod work_counter;

#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
mod wasm;

pub use delivery::Delivery;
pub use error::{Error, ErrorCode};
pub use event::{Event, Sender};
pub use explain::{
    detect_provider, explain, signed_bytes, Diagnosis, Hint, MAX_HMACS_PER_SECRET, MAX_SECRETS,
};
pub use headers::Headers;
#[cfg(all(feature = "std", not(target_arch = "wasm32")))]
pub use options::unix_now;
pub use options::Options;
pub use providers::{Payload, Provider, ProviderRef, Resolved};
pub use raw::{RawJson, MAX_INTEGER};
pub use scheme::{Proof, Scheme, DIGEST_LEN};
#[cfg(feature = "typescript")]
pub use typescript::typescript_declarations;
pub use verify::{parse, sign, verify, SignOptions, Signed, Verifier};
