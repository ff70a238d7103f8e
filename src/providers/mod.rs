//! The providers: one module each (scheme + event types), and the registry below.
//!
//! Adding a provider means writing `src/providers/<name>.rs` with `NAME`, `PROOF`,
//! `CONTENT_TYPE`, `PAYLOAD_IS_BODY`, a `Payload` type, a `decode` function and (for the
//! TypeScript declarations) `typescript_events`, and adding one line to the `registry!`
//! call at the end of this file.

use alloc::string::String;
use serde::{Serialize, Serializer};

use crate::error::Error;
use crate::event::Event;
use crate::scheme::Proof;

/// Declares a string-valued enum that keeps values it does not know in `Other`, so that
/// a provider adding a value never breaks decoding.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal $(| $alias:literal)* ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, kept as sent.
            Other(alloc::string::String),
        }

        impl $name {
            /// Every value this version knows, as the provider spells it.
            pub const KNOWN: &'static [&'static str] = &[$( $text ),*];

            /// The value as the provider spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )*
                    $name::Other(text) => text,
                }
            }

            /// Reads a value, keeping unknown ones in `Other`.
            pub fn from_text(text: &str) -> Self {
                match text {
                    $( $text $(| $alias)* => $name::$variant, )*
                    other => $name::Other(alloc::string::String::from(other)),
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        // Known values as literals, plus any other string: a provider may add values.
        #[cfg(feature = "typescript")]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> alloc::string::String {
                alloc::string::String::from(stringify!($name))
            }
            fn inline(_: &ts_rs::Config) -> alloc::string::String {
                let literals: &[&str] = &[$( concat!("\"", $text, "\""), )*];
                alloc::format!("{} | (string & {{}})", literals.join(" | "))
            }
            fn decl(cfg: &ts_rs::Config) -> alloc::string::String {
                alloc::format!("type {} = {};", Self::name(cfg), Self::inline(cfg))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> alloc::string::String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct TextVisitor;
                impl serde::de::Visitor<'_> for TextVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        Ok($name::from_text(text))
                    }
                }
                deserializer.deserialize_str(TextVisitor)
            }
        }
    };
}

macro_rules! registry {
    ($( $(#[$vmeta:meta])* $variant:ident => $module:ident ),* $(,)?) => {
        $( pub mod $module; )*

        /// A provider hookproof knows. Its name (`g2sentry`, `contentspal`, `sir`, `gengo`)
        /// is what [`Provider::from_name`] reads and what events carry.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Provider {
            $( $(#[$vmeta])* $variant, )*
        }

        impl Provider {
            /// Every provider, in registry order.
            pub const ALL: &'static [Provider] = &[$( Provider::$variant ),*];

            /// The provider's name as used in the APIs.
            pub const fn name(self) -> &'static str {
                match self { $( Provider::$variant => $module::NAME, )* }
            }

            /// How the provider proves its deliveries.
            pub const fn proof(self) -> &'static Proof {
                match self { $( Provider::$variant => &$module::PROOF, )* }
            }

            /// The `Content-Type` the provider sends.
            pub const fn content_type(self) -> &'static str {
                match self { $( Provider::$variant => $module::CONTENT_TYPE, )* }
            }

            /// Whether the decoded payload is the body's JSON document as sent, so that a
            /// consumer that only needs JSON can keep the body itself once it decodes.
            ///
            /// ```
            /// use hookproof::Provider;
            ///
            /// assert!(Provider::Sir.payload_is_body());
            /// assert!(!Provider::Gengo.payload_is_body()); // a form with normalised numbers
            /// ```
            pub const fn payload_is_body(self) -> bool {
                match self { $( Provider::$variant => $module::PAYLOAD_IS_BODY, )* }
            }

            pub(crate) fn decode(self, body: &[u8]) -> Result<Event, Error> {
                match self {
                    $( Provider::$variant => {
                        let decoded = $module::decode(body)?;
                        Ok(Event {
                            provider: self,
                            kind: decoded.kind,
                            id: decoded.id,
                            dedupe_key: decoded.dedupe_key,
                            payload: Payload::$variant(decoded.payload),
                        })
                    } )*
                }
            }
        }

        /// The decoded body of a delivery, by provider. Serializes as the payload alone.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Payload {
            $( #[doc = concat!("See [`", stringify!($module), "::Payload`].")] $variant($module::Payload), )*
        }

        /// Every provider's payload types as TypeScript, one namespace per provider
        /// (`g2sentry.Payload`, `g2sentry.Event`, …); see [`crate::typescript_declarations`].
        #[cfg(feature = "typescript")]
        pub(crate) fn payload_namespaces() -> String {
            let mut out = String::new();
            $( out.push_str(&crate::typescript::namespace::<$module::Payload>($module::NAME, &$module::typescript_events())); )*
            out
        }

        impl Payload {
            /// The payload as JSON where it is not the body itself (see
            /// [`Provider::payload_is_body`]); `None` where it is. The constant test means
            /// the JS layer never carries serializers for payloads it takes from the body.
            #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
            pub(crate) fn derived_json(&self) -> Option<Result<String, serde_json::Error>> {
                match self {
                    $( Payload::$variant(payload) => match $module::PAYLOAD_IS_BODY {
                        true => None,
                        false => Some(serde_json::to_string(payload)),
                    }, )*
                }
            }
        }

        impl Serialize for Payload {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self { $( Payload::$variant(payload) => payload.serialize(serializer), )* }
            }
        }
    };
}

impl Provider {
    /// Looks a provider up by name (exact, lower case).
    ///
    /// ```
    /// use hookproof::{ErrorCode, Provider};
    ///
    /// assert_eq!(Provider::from_name("sir").unwrap(), Provider::Sir);
    /// assert_eq!(Provider::from_name("stripe").unwrap_err().code(), ErrorCode::UnknownProvider);
    /// ```
    pub fn from_name(name: &str) -> Result<Provider, Error> {
        Provider::ALL
            .iter()
            .copied()
            .find(|provider| provider.name() == name)
            .ok_or_else(|| Error::unknown_provider(name))
    }

    /// The registered names, comma-separated, for messages.
    pub(crate) fn names_joined() -> String {
        let names: alloc::vec::Vec<&str> = Provider::ALL.iter().map(|p| p.name()).collect();
        names.join(", ")
    }
}

impl core::str::FromStr for Provider {
    type Err = Error;
    fn from_str(name: &str) -> Result<Provider, Error> {
        Provider::from_name(name)
    }
}

impl core::fmt::Display for Provider {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Provider {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Anything that names a provider: a [`Provider`] or its name.
pub trait ProviderRef {
    /// Resolves to a registered provider or fails with `unknown_provider`.
    fn resolve(&self) -> Result<Provider, Error>;
}

impl ProviderRef for Provider {
    fn resolve(&self) -> Result<Provider, Error> {
        Ok(*self)
    }
}

impl ProviderRef for str {
    fn resolve(&self) -> Result<Provider, Error> {
        Provider::from_name(self)
    }
}

impl<P: ProviderRef + ?Sized> ProviderRef for &P {
    fn resolve(&self) -> Result<Provider, Error> {
        (**self).resolve()
    }
}

impl ProviderRef for String {
    fn resolve(&self) -> Result<Provider, Error> {
        Provider::from_name(self)
    }
}

registry! {
    /// G2 Sentry Partner API job callbacks.
    G2Sentry => g2sentry,
    /// ContentsPal organization webhooks.
    ContentsPal => contentspal,
    /// SIR Giving Partner API webhooks.
    Sir => sir,
    /// Gengo translation API callbacks.
    Gengo => gengo,
}
