// The inspector page: hookproof's own core (the package's browser build, its wasm
// embedded) run on a pasted delivery. Nothing leaves the page.
import { detectProvider, explain, parse, providers, sign, signedBytes, verify, WebhookError } from "hookproof";
import { parseRequest, toCurl, toRawRequest, urlOf } from "./http.js";
import { nameOf, SAMPLE_HEADERS, SAMPLE_VERIFYING_KEYS, SAMPLES, sampleSecretOf, sampleVerifyingOf, URL_SIGNED } from "./samples.js";

const $ = (id) => document.getElementById(id);
const LOCAL_ORIGIN = "http://127.0.0.1:8787";
const LOCAL_HOST = "127.0.0.1:8787";

let fileBody = null; // exact bytes from the file picker, when chosen

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

// --- reading the form -------------------------------------------------------------------

function secretsOf(text) {
  return text.split("\n").filter((line) => line !== "");
}

function warnAboutSecrets() {
  const padded = secretsOf($("secrets").value)
    .map((secret, index) => (secret !== secret.trim() ? index + 1 : 0))
    .filter(Boolean);
  $("secrets-warning").textContent = padded.length
    ? `Line ${padded.join(", ")} has leading or trailing whitespace; it is used exactly as typed.`
    : "";
}

function fillUrlFromRequest() {
  const url = urlOf(parseRequest($("request").value));
  if (url) $("url").value = url;
}

function readNow() {
  const text = $("now").value.trim();
  if (text === "") return { now: Math.floor(Date.now() / 1000) };
  if (!/^\d+$/.test(text)) return { error: "Now must be unix seconds (digits only), or empty for the current time." };
  return { now: Number(text) };
}

// --- showing results --------------------------------------------------------------------

function showVerdict(kind, headline, detail) {
  const verdict = $("verdict");
  verdict.className = `verdict ${kind}`;
  // The detail is on its own line; for a screen reader, a full stop separates them.
  verdict.replaceChildren(headline, ...(detail ? [element("span", { class: "sr-only", text: ". " }), element("span", { class: "detail", text: detail })] : []));
}

function showCauses(causes) {
  // Shown only when there is something to rank.
  $("causes-heading").hidden = causes.length === 0;
  $("causes").hidden = causes.length === 0;
  $("causes").replaceChildren(
    ...causes.map((cause) => element("li", {}, element("code", { text: cause.code }), " — ", cause.message)),
  );
}

function tree(value, key) {
  const label = key === undefined ? [] : [element("span", { class: "key", text: key }), ": "];
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    const shape = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
    const details = element("details", { open: "" }, element("summary", {}, ...label, shape));
    for (const [childKey, child] of entries) details.append(tree(child, childKey));
    return details;
  }
  return element("div", { class: "leaf" }, ...label, JSON.stringify(value));
}

function showEvent(event, proven) {
  const body = $("event-body");
  if (event === null) {
    body.replaceChildren(element("p", { class: "hint", text: "Nothing decoded." }));
    return;
  }
  const list = element("dl", { class: "event" });
  for (const [term, value] of [["provider", event.provider], ["type", event.type], ["id", event.id ?? "null"], ["dedupeKey", event.dedupeKey]]) {
    list.append(element("dt", { text: term }), element("dd", { text: value }));
  }
  const note = proven ? [] : [element("p", { class: "hint", text: "Decoded without proof: the delivery is not genuine, so do not trust what it says." })];
  body.replaceChildren(...note, list, element("div", { class: "tree", "aria-label": "payload" }, tree(event.payload, "payload")));
}

// Control characters and a byte-order mark made visible, so that what differs can be seen.
function visible(text) {
  const parts = [];
  let plain = "";
  for (const char of text) {
    const code = char.codePointAt(0);
    const shown = char === "\r" ? "␍" : char === "\uFEFF" ? "[BOM]" : char === "\uFFFD" ? "[invalid UTF-8]" : code < 0x20 && char !== "\n" && char !== "\t" ? `\\x${code.toString(16).padStart(2, "0")}` : null;
    if (shown === null) plain += char;
    else {
      parts.push(plain, element("span", { class: "special", text: shown }));
      plain = "";
    }
  }
  parts.push(plain);
  return parts;
}

function showSigned(provider, delivery) {
  const body = $("signed-body");
  let bytes;
  try {
    bytes = signedBytes(provider, delivery);
  } catch (error) {
    body.replaceChildren(element("p", { text: `Cannot tell: ${error.message}` }));
    return;
  }
  if (bytes === null) {
    body.replaceChildren(element("p", { text: "Gengo signs nothing: the only proof is the secret token in the callback URL's query string, compared with each secret." }));
    return;
  }
  const seed = { g2sentry: "the raw body", contentspal: "the raw body", sir: "the X-SIR-Timestamp header, a dot, then the raw body" }[provider];
  const text = seed
    ? `${bytes.length} bytes: ${seed}. HMAC-SHA256 of exactly these, keyed by the secret's text, hex-encoded, is the signature.`
    : `${bytes.length} bytes: exactly what ${nameOf(provider)} signs for this delivery (its scheme: README's provider table).`;
  body.replaceChildren(
    element("p", { text }),
    element("pre", {}, ...visible(new TextDecoder().decode(bytes))),
  );
}

function clearResults() {
  showCauses([]);
  showEvent(null);
  $("signed-body").replaceChildren(element("p", { class: "hint", text: "Nothing checked." }));
}

// --- checking ---------------------------------------------------------------------------

function check() {
  clearResults();
  const text = $("request").value;
  if (text.trim() === "" && fileBody === null) {
    showVerdict("cannot", "Cannot check", "Nothing pasted: paste the request (headers and body) into Request, or load a sample.");
    return;
  }
  const request = parseRequest(text);
  const body = fileBody ?? request.body;
  // The method too: HubSpot signs it.
  const delivery = { headers: request.headers, body, url: $("url").value.trim() || undefined, method: request.method || undefined };

  let provider = $("provider").value;
  if (provider === "auto") {
    provider = detectProvider(delivery);
    $("provider-hint").textContent = provider ? `Detected: ${nameOf(provider)} (${provider}).` : "";
    if (!provider) {
      showVerdict("cannot", "Cannot check", "The provider is not recognisable from the headers: choose it under Provider.");
      return;
    }
  } else {
    $("provider-hint").textContent = "";
  }
  showSigned(provider, delivery);

  const { now, error: nowError } = readNow();
  if (nowError) {
    showVerdict("cannot", "Cannot check", nowError);
    return;
  }
  const secrets = secretsOf($("secrets").value);
  if (secrets.length === 0) {
    showVerdict("cannot", "Cannot check", "No secret: enter the secret configured for this endpoint under Secrets (one per line).");
    showEvent(decoded(provider, delivery), false);
    return;
  }

  let diagnosis;
  try {
    diagnosis = explain(provider, delivery, secrets, { now });
  } catch (error) {
    showVerdict("cannot", "Cannot check", error instanceof WebhookError ? `${error.code}: ${error.message}` : String(error));
    return;
  }
  if (diagnosis.error === null) {
    const event = verify(provider, delivery, secrets, { now });
    showVerdict("genuine", `Genuine — ${nameOf(provider)} ${event.type}`, `The signature${provider === "gengo" ? " (URL token)" : ""} matches one of the secrets${provider === "sir" ? " and the timestamp is within the window" : ""}.`);
    showEvent(event, true);
    return;
  }
  const { code, message } = diagnosis.error;
  const stale = code === "timestamp_too_old" || code === "timestamp_in_future";
  showVerdict("refused", `Not genuine — ${code}`, `${message}${stale ? " The signature itself matched: only the timestamp is outside the window." : ""}`);
  showCauses(diagnosis.causes);
  showEvent(decoded(provider, delivery), false);
}

function decoded(provider, delivery) {
  try {
    return parse(provider, delivery);
  } catch {
    return null;
  }
}

// --- samples and test deliveries ----------------------------------------------------------

// Signed by the package's `sign` as the provider would send it to `origin` + path (the
// URL itself is signed by Twilio, Square and HubSpot), with the headers it adds.
function signedDelivery(provider, eventName, secret, origin) {
  const path = `/callbacks/${provider}`;
  const signed = sign(provider, SAMPLES[provider][eventName](), secret, { url: URL_SIGNED.includes(provider) ? origin + path : path });
  signed.headers = { ...signed.headers, ...(SAMPLE_HEADERS[provider] ?? {}) };
  return { signed, path };
}

const SAMPLE_ORIGIN = "https://hooks.example.com";

function loadSample(provider) {
  const [eventName] = Object.keys(SAMPLES[provider]);
  const { signed, path } = signedDelivery(provider, eventName, sampleSecretOf(provider), SAMPLE_ORIGIN);
  useDelivery(provider, toRawRequest(signed, path, "hooks.example.com"), sampleVerifyingOf(provider));
}

// The key that checks a delivery signed with `secret`: the sample's public key where the
// provider signs with a private one (Discord, SendGrid), else the secret itself.
function verifyingKeyOf(provider, secret) {
  return secret === sampleSecretOf(provider) ? (SAMPLE_VERIFYING_KEYS[provider] ?? secret) : secret;
}

function useDelivery(provider, raw, secret, url) {
  fileBody = null;
  $("body-file").value = "";
  $("provider").value = provider;
  $("request").value = raw;
  $("secrets").value = secret;
  $("now").value = "";
  fillUrlFromRequest();
  if (url !== undefined) $("url").value = url;
  warnAboutSecrets();
  check();
}

function fillEvents() {
  const provider = $("make-provider").value;
  $("make-event").replaceChildren(...Object.keys(SAMPLES[provider]).map((name) => element("option", { value: name, text: name })));
  $("make-secret").value = sampleSecretOf(provider);
}

function makeDelivery() {
  const provider = $("make-provider").value;
  const secret = $("make-secret").value;
  if (secret === "") {
    $("made-request").value = "";
    $("made-curl").value = "Enter a test secret first.";
    return;
  }
  const { signed, path } = signedDelivery(provider, $("make-event").value, secret, LOCAL_ORIGIN);
  $("made-request").value = toRawRequest(signed, path, LOCAL_HOST);
  $("made-curl").value = toCurl(signed, path, LOCAL_ORIGIN);
}

function setMode(mode) {
  const checking = mode === "check";
  $("check").hidden = !checking;
  $("make").hidden = checking;
  $("mode-check").setAttribute("aria-pressed", String(checking));
  $("mode-make").setAttribute("aria-pressed", String(!checking));
}

// --- wiring ---------------------------------------------------------------------------------

$("check-form").addEventListener("submit", (event) => {
  event.preventDefault();
  check();
});
$("secrets").addEventListener("input", warnAboutSecrets);
$("request").addEventListener("input", fillUrlFromRequest);
$("body-file").addEventListener("change", async () => {
  const [file] = $("body-file").files;
  fileBody = file ? new Uint8Array(await file.arrayBuffer()) : null;
});
$("clear-file").addEventListener("click", () => {
  fileBody = null;
  $("body-file").value = "";
});
for (const button of document.querySelectorAll("[data-sample]")) {
  button.addEventListener("click", () => loadSample(button.dataset.sample));
}
$("mode-check").addEventListener("click", () => setMode("check"));
$("mode-make").addEventListener("click", () => setMode("make"));
// Every provider the package knows, in the pickers.
const providerOptions = () => providers().map((value) => element("option", { value, text: `${nameOf(value)} (${value})` }));
$("provider").replaceChildren(element("option", { value: "auto", text: "Detect from the headers" }), ...providerOptions());
$("sample-provider").replaceChildren(...providerOptions());
$("load-sample").addEventListener("click", () => loadSample($("sample-provider").value));
$("make-provider").replaceChildren(...providerOptions());
$("make-provider").addEventListener("change", fillEvents);
$("make-form").addEventListener("submit", (event) => {
  event.preventDefault();
  makeDelivery();
});
$("use-made").addEventListener("click", () => {
  if ($("made-request").value === "") makeDelivery();
  setMode("check");
  const provider = $("make-provider").value;
  // Sent to the local endpoint: the URL it was signed for (Twilio, Square, HubSpot sign it).
  const url = URL_SIGNED.includes(provider) ? `${LOCAL_ORIGIN}/callbacks/${provider}` : undefined;
  useDelivery(provider, $("made-request").value, verifyingKeyOf(provider, $("make-secret").value), url);
  $("verdict").focus?.();
});
fillEvents();
