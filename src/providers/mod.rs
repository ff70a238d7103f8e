//! The providers: one module each, and the registry below.
//!
//! A provider is a `const` [`Scheme`] declaration in `src/providers/<name>.rs` (with `NAME`
//! and `SCHEME`) and one line in the `registry!` call at the end of this file. Its events
//! are the body's JSON as sent, with type, id and dedupe key found where the declaration
//! says. A provider with typed payloads (the `typed` list) also has a `Payload` type, a
//! `decode` function, `PAYLOAD_IS_BODY` and (for the TypeScript declarations)
//! `typescript_events`.

use alloc::string::String;
use serde::{Serialize, Serializer};

use crate::delivery::Delivery;
use crate::error::Error;
use crate::event::{Event, Sender};
use crate::raw::RawJson;
use crate::scheme::{Proof, Scheme};

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
    (
        typed { $( $(#[$tmeta:meta])* $typed:ident => $tmodule:ident ),* $(,)? }
        declared { $( $(#[$dmeta:meta])* $declared:ident => $dmodule:ident ),* $(,)? }
        aliases { $( $alias:literal => $target:ident ),* $(,)? }
    ) => {
        $( pub mod $tmodule; )*
        $( pub mod $dmodule; )*

        /// A provider hookproof knows. Its name (`g2sentry`, `stripe`, …) is what
        /// [`Provider::from_name`] reads and what events carry.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Provider {
            $( $(#[$tmeta])* $typed, )*
            $( $(#[$dmeta])* $declared, )*
        }

        impl Provider {
            /// Every provider, in registry order.
            pub const ALL: &'static [Provider] = &[$( Provider::$typed, )* $( Provider::$declared, )*];

            /// Other names a provider answers to (`svix` for Standard Webhooks), with it.
            pub const ALIASES: &'static [(&'static str, Provider)] = &[$( ($alias, Provider::$target), )*];

            /// The provider's name as used in the APIs.
            pub const fn name(self) -> &'static str {
                match self {
                    $( Provider::$typed => $tmodule::NAME, )*
                    $( Provider::$declared => $dmodule::NAME, )*
                }
            }

            /// The provider's scheme: its whole proof, timestamp and event fields, as data.
            pub const fn scheme(self) -> &'static Scheme {
                match self {
                    $( Provider::$typed => &$tmodule::SCHEME, )*
                    $( Provider::$declared => &$dmodule::SCHEME, )*
                }
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
                match self {
                    $( Provider::$typed => $tmodule::PAYLOAD_IS_BODY, )*
                    $( Provider::$declared => true, )*
                }
            }

            pub(crate) fn decode(self, delivery: &Delivery<'_>) -> Result<Event, Error> {
                match self {
                    $( Provider::$typed => {
                        let decoded = $tmodule::decode(delivery.body)?;
                        Ok(Event {
                            provider: Sender::Provider(self),
                            kind: decoded.kind,
                            id: decoded.id,
                            dedupe_key: decoded.dedupe_key,
                            payload: Payload::$typed(decoded.payload),
                            challenge: None,
                        })
                    } )*
                    $( Provider::$declared => {
                        let decoded = crate::decode::located(&$dmodule::SCHEME, delivery)?;
                        Ok(Event {
                            provider: Sender::Provider(self),
                            kind: decoded.kind,
                            id: decoded.id,
                            dedupe_key: decoded.dedupe_key,
                            payload: Payload::$declared(decoded.payload),
                            challenge: None,
                        })
                    } )*
                }
            }
        }

        /// The decoded body of a delivery, by provider. Serializes as the payload alone.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Payload {
            $( #[doc = concat!("See [`", stringify!($tmodule), "::Payload`].")] $typed($tmodule::Payload), )*
            $( #[doc = concat!("The body's JSON as sent (see [`", stringify!($dmodule), "`]).")] $declared(RawJson), )*
            /// A user-declared scheme's body, as sent.
            Declared(RawJson),
        }

        /// Every provider's payload types as TypeScript, one namespace per provider
        /// (`g2sentry.Payload`, `g2sentry.Event`, …); see [`crate::typescript_declarations`].
        #[cfg(feature = "typescript")]
        pub(crate) fn payload_namespaces() -> String {
            let mut out = String::new();
            $( out.push_str(&crate::typescript::namespace::<$tmodule::Payload>($tmodule::NAME, &$tmodule::typescript_events())); )*
            $( out.push_str(&crate::typescript::namespace::<RawJson>($dmodule::NAME, &[])); )*
            out
        }

        impl Payload {
            /// The payload as JSON where it is not the body itself (see
            /// [`Provider::payload_is_body`]); `None` where it is. The constant test means
            /// the JS layer never carries serializers for payloads it takes from the body.
            #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
            pub(crate) fn derived_json(&self, body: &[u8]) -> Option<Result<String, serde_json::Error>> {
                match self {
                    $( Payload::$typed(payload) => match $tmodule::PAYLOAD_IS_BODY {
                        true => None,
                        false => Some(serde_json::to_string(payload)),
                    }, )*
                    $( Payload::$declared(raw) )|* | Payload::Declared(raw) => {
                        (raw.get().as_bytes() != body.trim_ascii()).then(|| Ok(String::from(raw.get())))
                    }
                }
            }
        }

        impl Serialize for Payload {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Payload::$typed(payload) => payload.serialize(serializer), )*
                    $( Payload::$declared(raw) )|* | Payload::Declared(raw) => raw.serialize(serializer),
                }
            }
        }
    };
}

impl Provider {
    /// Looks a provider up by name or alias (exact, lower case).
    ///
    /// ```
    /// use hookproof::{ErrorCode, Provider};
    ///
    /// assert_eq!(Provider::from_name("sir").unwrap(), Provider::Sir);
    /// assert_eq!(Provider::from_name("svix").unwrap(), Provider::StandardWebhooks);
    /// assert_eq!(Provider::from_name("acme").unwrap_err().code(), ErrorCode::UnknownProvider);
    /// ```
    pub fn from_name(name: &str) -> Result<Provider, Error> {
        Provider::ALL
            .iter()
            .copied()
            .find(|provider| provider.name() == name)
            .or_else(|| {
                Provider::ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == name)
                    .map(|(_, provider)| *provider)
            })
            .ok_or_else(|| Error::unknown_provider(name))
    }

    /// How the provider proves its deliveries.
    pub fn proof(self) -> &'static Proof {
        &self.scheme().proof
    }

    /// The `Content-Type` the provider sends.
    pub fn content_type(self) -> &'static str {
        match &self.scheme().content_type {
            alloc::borrow::Cow::Borrowed(text) => text,
            alloc::borrow::Cow::Owned(_) => "application/json",
        }
    }

    /// The registered names and aliases, comma-separated, for messages.
    pub(crate) fn names_joined() -> String {
        let names: alloc::vec::Vec<&str> = Provider::ALL
            .iter()
            .map(|p| p.name())
            .chain(Provider::ALIASES.iter().map(|(alias, _)| *alias))
            .collect();
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

/// A scheme to verify with: a registered provider, or a declaration of the user's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A provider of the registry.
    Provider(Provider),
    /// A user-declared scheme, checked ([`Scheme::check`]).
    Declared(alloc::boxed::Box<Scheme>),
}

impl Resolved {
    /// The scheme itself.
    pub fn scheme(&self) -> &Scheme {
        match self {
            Resolved::Provider(provider) => provider.scheme(),
            Resolved::Declared(scheme) => scheme,
        }
    }

    /// Who events verified with it come from.
    pub fn sender(&self) -> Sender {
        match self {
            Resolved::Provider(provider) => Sender::Provider(*provider),
            Resolved::Declared(scheme) => Sender::Declared(scheme.name.clone()),
        }
    }

    /// The built-in provider, if it is one.
    pub fn provider(&self) -> Option<Provider> {
        match self {
            Resolved::Provider(provider) => Some(*provider),
            Resolved::Declared(_) => None,
        }
    }

    pub(crate) fn decode(&self, delivery: &Delivery<'_>) -> Result<Event, Error> {
        match self {
            Resolved::Provider(provider) => provider.decode(delivery),
            Resolved::Declared(scheme) => {
                let decoded = crate::decode::located(scheme, delivery)?;
                Ok(Event {
                    provider: self.sender(),
                    kind: decoded.kind,
                    id: decoded.id,
                    dedupe_key: decoded.dedupe_key,
                    payload: Payload::Declared(decoded.payload),
                    challenge: None,
                })
            }
        }
    }
}

impl core::fmt::Display for Resolved {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.scheme().name)
    }
}

/// Anything that names a scheme: a [`Provider`], its name or alias, or a user's
/// [`Scheme`].
pub trait ProviderRef {
    /// Resolves to a registered provider or a checked declaration; fails with
    /// `unknown_provider` or `invalid_argument`.
    fn resolve(&self) -> Result<Resolved, Error>;
}

impl ProviderRef for Provider {
    fn resolve(&self) -> Result<Resolved, Error> {
        Ok(Resolved::Provider(*self))
    }
}

impl ProviderRef for str {
    fn resolve(&self) -> Result<Resolved, Error> {
        Provider::from_name(self).map(Resolved::Provider)
    }
}

impl<P: ProviderRef + ?Sized> ProviderRef for &P {
    fn resolve(&self) -> Result<Resolved, Error> {
        (**self).resolve()
    }
}

impl ProviderRef for String {
    fn resolve(&self) -> Result<Resolved, Error> {
        Provider::from_name(self).map(Resolved::Provider)
    }
}

impl ProviderRef for Scheme {
    fn resolve(&self) -> Result<Resolved, Error> {
        self.check()?;
        Ok(Resolved::Declared(alloc::boxed::Box::new(self.clone())))
    }
}

impl ProviderRef for Resolved {
    fn resolve(&self) -> Result<Resolved, Error> {
        Ok(self.clone())
    }
}

registry! {
    typed {
        /// G2 Sentry Partner API job callbacks.
        G2Sentry => g2sentry,
        /// ContentsPal organization webhooks.
        ContentsPal => contentspal,
        /// SIR Giving Partner API webhooks.
        Sir => sir,
        /// Gengo translation API callbacks.
        Gengo => gengo,
    }
    declared {
        /// Standard Webhooks (Svix, Clerk, Resend).
        StandardWebhooks => standardwebhooks,
        /// Stripe.
        Stripe => stripe,
        /// GitHub.
        GitHub => github,
        /// Shopify.
        Shopify => shopify,
        /// Slack.
        Slack => slack,
        /// Discord interactions.
        Discord => discord,
        /// Twilio.
        Twilio => twilio,
        /// Square.
        Square => square,
        /// Paddle Billing.
        Paddle => paddle,
        /// Zoom.
        Zoom => zoom,
        /// Linear.
        Linear => linear,
        /// Twitch EventSub.
        Twitch => twitch,
        /// HubSpot (signature v3).
        HubSpot => hubspot,
        /// Mailgun.
        Mailgun => mailgun,
        /// GitLab.
        GitLab => gitlab,
        /// Meta (WhatsApp, Instagram, Messenger).
        Meta => meta,
        /// Typeform.
        Typeform => typeform,
        /// Intercom.
        Intercom => intercom,
        /// PagerDuty (webhooks v3).
        PagerDuty => pagerduty,
        /// Mux.
        Mux => mux,
        /// Lemon Squeezy.
        LemonSqueezy => lemonsqueezy,
        /// WooCommerce.
        WooCommerce => woocommerce,
        /// Zendesk.
        Zendesk => zendesk,
        /// Telegram Bot API.
        Telegram => telegram,
        /// Postmark.
        Postmark => postmark,
        /// Bitbucket Cloud.
        Bitbucket => bitbucket,
        /// Vercel.
        Vercel => vercel,
        /// Razorpay.
        Razorpay => razorpay,
        /// Dropbox.
        Dropbox => dropbox,
        /// Checkout.com.
        Checkout => checkout,
        /// Sentry (integration platform).
        Sentry => sentry,
        /// X (Twitter) Account Activity API.
        Twitter => twitter,
        /// SendGrid Event Webhook (ECDSA).
        SendGrid => sendgrid,
        /// Calendly.
        Calendly => calendly,
        /// WorkOS.
        WorkOS => workos,
        /// Webflow.
        Webflow => webflow,
        /// Mollie next-gen webhooks.
        Mollie => mollie,
        /// Recurly JSON webhooks.
        Recurly => recurly,
        /// Authorize.Net webhooks (HMAC-SHA512).
        AuthorizeNet => authorizenet,
        /// Adyen standard notifications (the signature inside the body).
        Adyen => adyen,
        /// Cashfree Payments webhooks.
        Cashfree => cashfree,
    }
    aliases {
        "svix" => StandardWebhooks,
        "clerk" => StandardWebhooks,
        "resend" => StandardWebhooks,
        "whatsapp" => Meta,
        "instagram" => Meta,
        "messenger" => Meta,
    }
}
