// The public API, shared by every runtime's entry file. The entry files only load the
// WebAssembly module (each runtime has its own way) and call `setInstance`.
//
// Division of work with src/wasm.rs: this file validates arguments (so no bad value can
// reach Rust and trap), pulls out only the header values the provider's scheme reads, and
// rejects oversized bodies before they are copied into wasm memory (which never shrinks).
// Rust stays the authority on every check. Replies come back as one string: an event in
// a compact form (eventOf), JSON, or "!<code>\n<message>" for a refusal.
import * as core from "./dist/hookproof.js";

const DEFAULT_TOLERANCE = 300;
const DEFAULT_MAX_BODY = 1 << 20;
const DEFAULT_TOKEN_PARAM = "token";

let exportsOfWasm = null;
let notReadyReason = "hookproof's WebAssembly module is not initialised yet; await ready() first";

/** @internal Called once by the entry file with the instance's exports. */
export function setInstance(instanceExports) {
  exportsOfWasm = instanceExports;
}

/** @internal Called by an entry file whose initialisation failed or is still pending. */
export function setNotReady(reason) {
  notReadyReason = reason;
}

function ensureReady() {
  if (exportsOfWasm === null) throw new WebhookError("not_ready", notReadyReason);
}

/** Size of the WebAssembly memory in bytes (it only grows); for leak checks. */
export function memoryBytes() {
  ensureReady();
  return exportsOfWasm.memory.buffer.byteLength;
}

/**
 * @internal For tests only: the WebAssembly memory itself, so that they can check that no
 * copy of a secret is left in it once a Verifier is freed or a one-shot verify returns.
 */
export function wasmMemoryForTests() {
  ensureReady();
  return exportsOfWasm.memory;
}

export class WebhookError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "WebhookError";
    this.code = code;
  }
}

function invalid(message) {
  throw new WebhookError("invalid_argument", message);
}

// Names the type of a bad argument without echoing its value: it may be a secret.
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

function unwrap(reply) {
  if (reply.charCodeAt(0) === 33 /* "!" */) {
    const newline = reply.indexOf("\n");
    throw new WebhookError(reply.slice(1, newline), reply.slice(newline + 1));
  }
  return parseJson(reply);
}

// Only JSON the core has already decoded (with serde_json, which is stricter than
// JSON.parse) gets here, so this cannot throw; if it ever did, the caller still gets a
// WebhookError.
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WebhookError("invalid_payload", `the decoded event is not JSON: ${error.message}`);
  }
}

const decoder = new TextDecoder();

// The event in a reply of the core's verify or parse (format: `event_reply` in
// src/wasm.rs): `=<type>\n<dedupeKey>\n<- or +id>\n<payload JSON or nothing>`, or a
// whole event as JSON. A payload that is the body's own JSON document is left out: it is
// parsed here from the very text that was verified — the caller's string when it is
// well-formed UTF-16 (TextEncoder turned any lone surrogate into U+FFFD before hashing),
// else the verified bytes. Bytes the core did not read (fields it does not know) may be
// invalid UTF-8; TextDecoder makes them U+FFFD.
function eventOf(reply, provider, body, bytes) {
  let event;
  if (reply.charCodeAt(0) === 61 /* "=" */) {
    const afterType = reply.indexOf("\n");
    const afterKey = reply.indexOf("\n", afterType + 1);
    const afterId = reply.indexOf("\n", afterKey + 1);
    event = {
      provider,
      type: reply.slice(1, afterType),
      id: reply.charCodeAt(afterKey + 1) === 43 /* "+" */ ? reply.slice(afterKey + 2, afterId) : null,
      dedupeKey: reply.slice(afterType + 1, afterKey),
      payload: afterId + 1 < reply.length ? parseJson(reply.slice(afterId + 1)) : undefined,
    };
  } else {
    event = unwrap(reply);
  }
  if (event.payload === undefined) {
    const wellFormed = typeof body === "string" && body.isWellFormed?.() === true;
    event.payload = parseJson(wellFormed ? body : decoder.decode(bytes));
  }
  return event;
}

// The wasm constructor throws its refusal as a string; anything else is a real bug.
function rethrow(error) {
  if (typeof error === "string") unwrap(error);
  throw error;
}

// --- arguments -------------------------------------------------------------------------

// What the core is given for a provider: its name (or alias), or a user's declaration
// (a plain object) as JSON, which the core checks.
function providerName(provider) {
  if (typeof provider === "string") return provider;
  if (provider !== null && typeof provider === "object" && !Array.isArray(provider)) {
    let json;
    try {
      json = JSON.stringify(provider);
    } catch (error) {
      invalid(`a scheme declaration must be plain data (JSON); ${error.message}`);
    }
    return json;
  }
  throw new WebhookError(
    "unknown_provider",
    `provider must be one of ${core.providers()}, or a scheme declaration object; got ${describe(provider)}`,
  );
}

const schemes = new Map();

// { name, hashable, headers } from the core: the canonical name events carry, whether a
// host may compute the HMAC itself, and the (lower-case) headers the scheme reads — the
// signature's first, the timestamp's second (either may be ""), then any others.
function schemeOf(provider) {
  let scheme = schemes.get(provider);
  if (scheme === undefined) {
    const reply = core.scheme(provider);
    if (reply.charCodeAt(0) === 33) unwrap(reply);
    const [name, flags, ...headers] = reply.split("\n");
    scheme = { name, hashable: flags === "h", headers: headers.map((header) => header.toLowerCase()) };
    // Declarations are cached by their JSON too; bound the map against a caller that
    // makes a new one per request.
    if (schemes.size > 256) schemes.clear();
    schemes.set(provider, scheme);
  }
  return scheme;
}

function wholeNumber(value, name, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || Math.floor(value) !== value) {
    invalid(`${name} must be a non-negative whole number; got ${typeof value === "number" ? value : describe(value)}`);
  }
  return value;
}

function readNow(options) {
  const now = options === undefined || options === null ? undefined : options.now;
  if (now === undefined) return Math.floor(Date.now() / 1000);
  if (typeof now !== "number" || !Number.isFinite(now) || now < 0) {
    invalid(`options.now must be unix seconds (a non-negative number); got ${typeof now === "number" ? now : describe(now)}`);
  }
  return Math.floor(now);
}

function readOptions(options) {
  if (options === undefined || options === null) {
    return { toleranceSeconds: DEFAULT_TOLERANCE, maxBodyBytes: DEFAULT_MAX_BODY, tokenParam: DEFAULT_TOKEN_PARAM };
  }
  if (typeof options !== "object") invalid(`options must be an object; got ${describe(options)}`);
  const tokenParam = options.tokenParam === undefined ? DEFAULT_TOKEN_PARAM : options.tokenParam;
  if (typeof tokenParam !== "string" || tokenParam === "") {
    invalid(`options.tokenParam must be a non-empty string; got ${describe(tokenParam)}`);
  }
  return {
    toleranceSeconds: wholeNumber(options.toleranceSeconds, "options.toleranceSeconds", DEFAULT_TOLERANCE),
    maxBodyBytes: wholeNumber(options.maxBodyBytes, "options.maxBodyBytes", DEFAULT_MAX_BODY),
    tokenParam,
  };
}

const encoder = new TextEncoder();

// Bytes of a Uint8Array (Node Buffers included), ArrayBuffer or other typed-array view,
// or null. The tag check also accepts ArrayBuffers from another realm.
function bytesOf(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer || Object.prototype.toString.call(value) === "[object ArrayBuffer]") {
    return new Uint8Array(value);
  }
  return null;
}

function tooLarge(size, limit) {
  throw new WebhookError(
    "body_too_large",
    `body is ${size} bytes; the limit is ${limit} (options.maxBodyBytes)`,
  );
}

function bodyBytes(body, limit) {
  let bytes;
  if (typeof body === "string") {
    // UTF-8 never takes fewer bytes than UTF-16 code units: refuse before encoding.
    if (body.length > limit) tooLarge(`at least ${body.length}`, limit);
    bytes = encoder.encode(body);
  } else {
    bytes = bytesOf(body);
    if (bytes === null) {
      invalid(`delivery.body must be a Uint8Array, an ArrayBuffer or a string; got ${describe(body)}`);
    }
  }
  if (bytes.length > limit) tooLarge(bytes.length, limit);
  return bytes;
}

// UTF-8 of a string. Secrets are short and mostly ASCII, which a plain loop encodes in a
// fraction of TextEncoder's fixed cost; anything else goes to TextEncoder.
function utf8(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text);
    bytes[i] = code;
  }
  return bytes;
}

function secretBytes(secret, index) {
  if (typeof secret === "string") return utf8(secret);
  const bytes = bytesOf(secret);
  if (bytes === null) {
    const which = index === undefined ? "secret" : `secret #${index + 1}`;
    throw new WebhookError(
      "invalid_secret",
      `${which} must be a string or a Uint8Array; got ${describe(secret)}` +
        (secret === undefined ? " (is the environment variable set?)" : ""),
    );
  }
  return bytes;
}

// All secrets in one buffer plus their lengths: two copies into wasm for any rotation list.
function packSecrets(secret) {
  const list = Array.isArray(secret) ? secret : [secret];
  const parts = list.map((one, index) => secretBytes(one, Array.isArray(secret) ? index : undefined));
  const lengths = new Uint32Array(parts.length);
  let total = 0;
  parts.forEach((part, index) => {
    lengths[index] = part.length;
    total += part.length;
  });
  const bytes = new Uint8Array(total);
  let offset = 0;
  parts.forEach((part, index) => {
    bytes.set(part, offset);
    offset += part.length;
    // An encoding made here is a copy of a secret: wipe it (the caller's bytes are theirs).
    if (typeof list[index] === "string") part.fill(0);
  });
  return { bytes, lengths };
}

function readDelivery(delivery) {
  if (delivery === null || typeof delivery !== "object") {
    invalid(`delivery must be an object { headers, body, url? }; got ${describe(delivery)}`);
  }
}

function readMethod(method) {
  if (method === undefined || method === null) return undefined;
  if (typeof method === "string") return method;
  invalid(`delivery.method must be a string; got ${describe(method)}`);
}

function readUrl(url) {
  if (url === undefined || url === null) return undefined;
  if (typeof url === "string") return url;
  if (typeof URL === "function" && url instanceof URL) return url.href;
  invalid(`delivery.url must be a string; got ${describe(url)}`);
}

// --- headers ---------------------------------------------------------------------------
// Accepted shapes: Fetch `Headers` (its own case-insensitive get; repeated headers come
// joined by ", " as Fetch defines), a Map or any iterable of [name, value] pairs (first
// match wins, as in the Rust core), or a plain record such as Node's IncomingHttpHeaders
// (lower-case key first, then a case-insensitive scan). An array value — Node's form of a
// repeated header — counts as its first element.

function headerValue(value, name) {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value[0];
  invalid(`header ${name} must be a string (or an array of strings); got ${describe(value)}`);
}

function badHeaders(headers) {
  invalid(
    `delivery.headers must be a Headers, a record of header values or an iterable of [name, value] pairs; got ${describe(headers)}`,
  );
}

// A Fetch `Headers` (or look-alike) by its shape. Never through the global `Headers`: in
// Node, the first touch of it loads the whole fetch implementation (undici, ~15 ms), a
// cost a caller that never used fetch should not pay on its first verify.
function isFetchHeaders(headers) {
  return !(headers instanceof Map) && typeof headers.get === "function" && typeof headers.has === "function";
}

function entryOf(entry) {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string") {
    invalid(`delivery.headers entries must be [name, value] pairs of strings; got ${describe(entry)}`);
  }
  return entry;
}

// The values of the scheme's headers (lower-case names), in one pass, so that a one-shot
// iterable such as a generator works too: the first two as [a, b], any others after.
function extractAll(headers, names) {
  if (names.length <= 2) return extractHeaders(headers, names[0] ?? "", names[1] ?? "");
  if (headers === null || typeof headers !== "object") badHeaders(headers);
  if (isFetchHeaders(headers)) return names.map((name) => fetchHeader(headers, name));
  if (typeof headers[Symbol.iterator] === "function") {
    const values = new Array(names.length).fill(undefined);
    for (const entry of headers) {
      const [name, value] = entryOf(entry);
      const index = names.indexOf(name.toLowerCase());
      if (index !== -1 && names[index] !== "" && values[index] === undefined) values[index] = headerValue(value, name);
    }
    return values;
  }
  return names.map((name) => recordHeader(headers, name));
}

// The values of up to two headers (lower-case names; "" for none), in one pass, so that a
// one-shot iterable such as a generator works too.
function extractHeaders(headers, first, second) {
  if (headers === null || typeof headers !== "object") badHeaders(headers);
  if (isFetchHeaders(headers)) {
    return [fetchHeader(headers, first), fetchHeader(headers, second)];
  }
  if (typeof headers[Symbol.iterator] === "function") {
    let a;
    let b;
    for (const entry of headers) {
      const [name, value] = entryOf(entry);
      if (a === undefined && first !== "" && name.length === first.length && name.toLowerCase() === first) {
        a = headerValue(value, name);
      } else if (b === undefined && second !== "" && name.length === second.length && name.toLowerCase() === second) {
        b = headerValue(value, name);
      }
    }
    return [a, b];
  }
  return [recordHeader(headers, first), recordHeader(headers, second)];
}

function fetchHeader(headers, lowerName) {
  if (lowerName === "") return undefined;
  const value = headers.get(lowerName);
  return value === null ? undefined : headerValue(value, lowerName);
}

function recordHeader(headers, lowerName) {
  if (lowerName === "") return undefined;
  let value = headers[lowerName];
  if (value === undefined) {
    for (const name of Object.keys(headers)) {
      if (name.length === lowerName.length && name.toLowerCase() === lowerName) {
        value = headers[name];
        break;
      }
    }
  }
  return headerValue(value, lowerName);
}

function headerEntries(headers) {
  // Diagnosis of a delivery without headers is still useful (gengo reads none).
  if (headers === undefined) return [];
  if (headers === null || typeof headers !== "object") badHeaders(headers);
  const entries = [];
  const add = (name, value) => {
    const text = headerValue(value, name);
    if (text !== undefined) entries.push([name, text]);
  };
  if (isFetchHeaders(headers) && typeof headers.forEach === "function") {
    headers.forEach((value, name) => add(name, value));
  } else if (typeof headers[Symbol.iterator] === "function") {
    for (const entry of headers) add(...entryOf(entry));
  } else {
    for (const name of Object.keys(headers)) add(name, headers[name]);
  }
  return entries;
}

// --- the API ---------------------------------------------------------------------------

// verifyRequest hashes bodies of at least this many bytes with the runtime's Web Crypto
// (native SHA-256, with SHA extensions where the CPU has them) instead of the wasm one:
// past it, the faster hash saves more than the async hops and the per-call key import
// cost. Measured (BENCHMARKS.md): break-even near 64 KB in Node and Deno, a clear win from
// 256 KB; workerd.js sets its own, lower figure.
let webCryptoFromBytes = 131072;

/** @internal Called by an entry file: where verifyRequest switches to Web Crypto. */
export function setWebCryptoFrom(bytes) {
  webCryptoFromBytes = bytes;
}

const withWebCrypto = Symbol("verify with HMACs from Web Crypto");
const verifyRead = Symbol("verify a delivery already read");

// Everything a verification reads from its arguments, read once: the body as bytes (and
// as given, for the payload), the scheme's header values (none for a URL-token scheme;
// those after the first two as one JSON array), the URL, the method and the time.
function readVerification(delivery, options, maxBodyBytes, names) {
  readDelivery(delivery);
  const now = readNow(options);
  const given = delivery.body; // read once: what is verified is what is parsed
  const body = bodyBytes(given, maxBodyBytes);
  let signature;
  let timestamp;
  let extra;
  if (names.length > 2) {
    const values = extractAll(delivery.headers, names);
    [signature, timestamp] = values;
    extra = JSON.stringify(values.slice(2).map((value) => value ?? null));
  } else if (names[0] !== "" || names[1] !== "") {
    [signature, timestamp] = extractHeaders(delivery.headers, names[0], names[1]);
  }
  return { now, given, body, signature, timestamp, extra, url: readUrl(delivery.url), method: readMethod(delivery.method) };
}

// Whether the host may have node:crypto. `in`, not a read: in Deno the first read of
// `process` loads its Node layer (~17 ms), a cost for the first large body only.
const mayHaveNodeCrypto = () => "process" in globalThis;

// The host's own synchronous HMAC (node:crypto: OpenSSL, with SHA extensions where the CPU
// has them), in Node, Deno and Workers with `nodejs_compat`, reached without a static
// import that would break elsewhere; null in browsers and Workers without the flag.
// Looked up on the first large body only: loading node:crypto costs a cold start.
let hostCrypto;
function nativeHmac() {
  if (hostCrypto === undefined) {
    try {
      const crypto = globalThis.process?.getBuiltinModule?.("node:crypto");
      hostCrypto = typeof crypto?.createHmac === "function" && typeof crypto.createSecretKey === "function" ? crypto : null;
    } catch {
      hostCrypto = null;
    }
  }
  return hostCrypto;
}

// Verifier#verify hashes bodies of at least this many bytes natively where the host can
// (measured: the crossover in BENCHMARKS.md). The core still does every check.
const NATIVE_FROM_BYTES = 2048;
let nativeFromBytes = NATIVE_FROM_BYTES;

/**
 * @internal For tests and benchmarks: where Verifier#verify switches to native HMAC;
 * no argument restores the default.
 */
export function setNativeFrom(bytes = NATIVE_FROM_BYTES) {
  nativeFromBytes = bytes;
}

export class Verifier {
  #core;
  #provider;
  #names;
  #hashable;
  #maxBodyBytes;
  // With a native HMAC: the secrets' bytes until the first large body, then KeyObjects.
  #nativeSecrets = null;
  #nativeKeys = null;

  constructor(provider, secret, options) {
    ensureReady();
    const name = providerName(provider);
    const settings = readOptions(options);
    const scheme = schemeOf(name);
    this.#names = scheme.headers;
    this.#hashable = scheme.hashable;
    this.#provider = scheme.name;
    const { bytes, lengths } = packSecrets(secret);
    this.#maxBodyBytes = settings.maxBodyBytes;
    try {
      this.#core = new core.Core(name, bytes, lengths, settings.toleranceSeconds, settings.maxBodyBytes, settings.tokenParam);
    } catch (error) {
      rethrow(error);
    }
    if (this.#hashable && mayHaveNodeCrypto()) {
      // Kept (as bytes, not strings) for the native HMAC of large bodies: they move into
      // the host's KeyObjects on the first one, and free() wipes them.
      let offset = 0;
      this.#nativeSecrets = Array.from(lengths, (length) => bytes.slice(offset, (offset += length)));
    }
    // The keys now live in wasm memory (wiped when freed); this copy is not kept. The
    // caller's own strings cannot be wiped: JavaScript strings are immutable.
    bytes.fill(0);
  }

  verify(delivery, options) {
    return this[verifyRead](readVerification(delivery, options, this.#maxBodyBytes, this.#names));
  }

  [verifyRead]({ now, given, body, signature, timestamp, extra, url, method }) {
    if (this.#core === undefined) invalid("this Verifier was freed; create a new one");
    if (body.length >= nativeFromBytes && this.#nativeSecrets !== null) {
      const macs = this.#nativeMacs(signature, timestamp, extra, body);
      if (macs !== null) return eventOf(this.#core.verifyWithMacs(body, signature, timestamp, extra, now, macs), this.#provider, given, body);
    }
    return eventOf(this.#core.verify(body, signature, timestamp, extra, url, method, now), this.#provider, given, body);
  }

  // The HMAC of each secret over what the core says is signed, by the host's node:crypto;
  // null (and the wasm hash) where the host has none. Headers the core refuses are refused
  // here, before hashing, as in verify().
  #nativeMacs(signature, timestamp, extra, body) {
    const crypto = nativeHmac();
    if (crypto === null) return null;
    const prefix = this.#signedPrefix(signature, timestamp, extra);
    if (this.#nativeKeys === null) {
      this.#nativeKeys = this.#nativeSecrets.map((secret) => crypto.createSecretKey(secret));
      for (const secret of this.#nativeSecrets) secret.fill(0);
    }
    const macs = new Uint8Array(32 * this.#nativeKeys.length);
    this.#nativeKeys.forEach((key, index) => {
      const hmac = crypto.createHmac("sha256", key);
      if (prefix !== "") hmac.update(prefix);
      macs.set(hmac.update(body).digest(), 32 * index);
    });
    return macs;
  }

  // What the provider signed before the body, once the core has checked the headers:
  // missing or malformed ones are refused here, before any hashing, as in verify().
  #signedPrefix(signature, timestamp, extra) {
    const prefix = this.#core.signedPrefix(signature, timestamp, extra);
    if (prefix.charCodeAt(0) === 33 /* "!" */) unwrap(prefix);
    return prefix.slice(1);
  }

  // verifyRequest's large-body path: Web Crypto computes the HMAC of each secret over
  // exactly what the core says is signed, and the core then does every check, the
  // constant-time comparison included, as in verify(). `secret` is what the constructor
  // got: same secrets, same order. Resolves to null, after no check at all, if Web
  // Crypto fails; errors of the core propagate.
  async [withWebCrypto](delivery, options, secret) {
    if (!this.#hashable || !hasWebCrypto()) return null;
    const { now, given, body, signature, timestamp, extra } = readVerification(delivery, options, this.#maxBodyBytes, this.#names);
    if (this.#core === undefined) invalid("this Verifier was freed; create a new one");
    const prefix = this.#signedPrefix(signature, timestamp, extra);
    let data = body;
    if (prefix !== "") {
      const head = encoder.encode(prefix);
      data = new Uint8Array(head.length + body.length);
      data.set(head);
      data.set(body, head.length);
    }
    let digests;
    try {
      digests = await Promise.all(
        (Array.isArray(secret) ? secret : [secret]).map(async (one) => {
          const raw = secretBytes(one);
          // importKey copies the bytes synchronously; an encoding made here is wiped.
          const imported = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
          if (typeof one === "string") raw.fill(0);
          const key = await imported;
          return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
        }),
      );
    } catch {
      return null;
    }
    const macs = new Uint8Array(32 * digests.length);
    digests.forEach((digest, index) => macs.set(digest, 32 * index));
    if (this.#core === undefined) invalid("this Verifier was freed; create a new one");
    return eventOf(this.#core.verifyWithMacs(body, signature, timestamp, extra, now, macs), this.#provider, given, body);
  }

  /**
   * Releases the prepared keys now (their wasm memory is wiped) instead of when the object
   * is garbage-collected. Later calls throw `invalid_argument`.
   */
  free() {
    if (this.#core !== undefined) {
      this.#core.free();
      this.#core = undefined;
    }
    for (const secret of this.#nativeSecrets ?? []) secret.fill(0);
    this.#nativeSecrets = null;
    this.#nativeKeys = null;
  }

  /** `using verifier = new Verifier(…)` frees it at the end of the block. */
  [Symbol.dispose ?? Symbol.for("Symbol.dispose")]() {
    this.free();
  }
}

export function verify(provider, delivery, secret, options) {
  ensureReady();
  const name = providerName(provider);
  const settings = readOptions(options);
  const { bytes, lengths } = packSecrets(secret);
  try {
    const scheme = schemeOf(name);
    const read = readVerification(delivery, options, settings.maxBodyBytes, scheme.headers);
    const { now, given, body, signature, timestamp, extra, url, method } = read;
    if (scheme.hashable && body.length >= nativeFromBytes && mayHaveNodeCrypto()) {
      // Large: the Verifier's native HMAC path (where the host has one) pays off. The
      // delivery is not read again.
      const verifier = new Verifier(name, secret, options);
      try {
        return verifier[verifyRead](read);
      } finally {
        verifier.free();
      }
    }
    // One crossing: keys prepared, delivery verified, keys dropped and wiped, in wasm.
    const tokenParam = settings.tokenParam === DEFAULT_TOKEN_PARAM ? undefined : settings.tokenParam;
    const reply = core.verifyOnce(name, bytes, lengths, settings.toleranceSeconds, settings.maxBodyBytes, tokenParam, body, signature, timestamp, extra, url, method, now);
    return eventOf(reply, scheme.name, given, body);
  } finally {
    bytes.fill(0);
  }
}

export function parse(provider, delivery, options) {
  ensureReady();
  const name = providerName(provider);
  const settings = readOptions(options);
  readDelivery(delivery);
  const scheme = schemeOf(name);
  const given = delivery.body;
  const body = bodyBytes(given, settings.maxBodyBytes);
  // Headers only where the scheme's event fields read some (GitHub's X-GitHub-Event).
  const headers = scheme.headers.length > 2 && delivery.headers !== undefined ? JSON.stringify(headerEntries(delivery.headers)) : undefined;
  return eventOf(core.parse(name, body, settings.maxBodyBytes, headers), scheme.name, given, body);
}

export async function verifyRequest(provider, request, secret, options) {
  if (request === null || typeof request !== "object" || typeof request.arrayBuffer !== "function") {
    invalid(`request must be a Fetch Request; got ${describe(request)}`);
  }
  // Arguments are checked (and keys prepared) before the body is consumed.
  const verifier = new Verifier(provider, secret, options);
  try {
    const limit = readOptions(options).maxBodyBytes;
    const declared = Number(request.headers.get("content-length"));
    if (declared > limit) tooLarge(declared, limit);
    const body = await request.arrayBuffer();
    const delivery = { headers: request.headers, body, url: request.url, method: request.method };
    if (body.byteLength >= webCryptoFromBytes) {
      const event = await verifier[withWebCrypto](delivery, options, secret);
      // null: no HMAC scheme, or Web Crypto failed; the wasm hash reaches the same verdict.
      if (event !== null) return event;
    }
    return verifier.verify(delivery, options);
  } finally {
    verifier.free();
  }
}

function hasWebCrypto() {
  return typeof crypto === "object" && crypto !== null && typeof crypto.subtle?.sign === "function";
}

export function sign(provider, body, secret, options) {
  ensureReady();
  const name = providerName(provider);
  if (options !== undefined && options !== null && typeof options !== "object") {
    invalid(`options must be an object; got ${describe(options)}`);
  }
  const { timestamp: givenTimestamp, url, tokenParam = DEFAULT_TOKEN_PARAM, method, id } = options ?? {};
  const timestamp = wholeNumber(givenTimestamp, "options.timestamp", Math.floor(Date.now() / 1000));
  if (url !== undefined && typeof url !== "string") invalid(`options.url must be a string; got ${describe(url)}`);
  if (method !== undefined && typeof method !== "string") invalid(`options.method must be a string; got ${describe(method)}`);
  if (id !== undefined && typeof id !== "string") invalid(`options.id must be a string; got ${describe(id)}`);
  if (typeof tokenParam !== "string" || tokenParam === "") {
    invalid(`options.tokenParam must be a non-empty string; got ${describe(tokenParam)}`);
  }
  if (Array.isArray(secret)) {
    throw new WebhookError("invalid_secret", "sign takes one secret, not a list");
  }
  const key = secretBytes(secret);

  let sent;
  let bytes = typeof body === "string" ? null : bytesOf(body);
  if (typeof body === "string") {
    sent = body;
  } else if (bytes !== null) {
    sent = bytes;
  } else if (body !== null && typeof body === "object") {
    sent = objectBody(name, body);
  } else {
    invalid(`body must be a string, a Uint8Array or an object; got ${describe(body)}`);
  }
  if (bytes === null) bytes = encoder.encode(sent);

  let reply;
  try {
    reply = core.sign(name, bytes, key, timestamp, url, tokenParam, method, id);
  } finally {
    // An encoding made here is a copy of the secret: wipe it (the caller's bytes are theirs).
    if (typeof secret === "string") key.fill(0);
  }
  const signed = unwrap(reply);
  // Mailgun signs inside the body: the core returns the body to send.
  const result = { headers: Object.fromEntries(signed.headers), body: signed.body ?? sent };
  if (signed.url !== undefined) result.url = signed.url;
  return result;
}

// An object body as the provider would send it: JSON, or Gengo's one-parameter form.
function objectBody(provider, body) {
  const json = (value) => {
    try {
      return JSON.stringify(value);
    } catch (error) {
      invalid(`body object cannot be serialised as JSON: ${error.message}`);
    }
  };
  if (provider !== "gengo") return json(body);
  const kinds = ["job", "comment"].filter((kind) => body[kind] !== undefined);
  if (kinds.length !== 1) invalid("a gengo body object must have exactly one of `job` or `comment`");
  const value = body[kinds[0]];
  return core.gengoForm(kinds[0], typeof value === "string" ? value : json(value));
}

export function explain(provider, delivery, secret, options) {
  ensureReady();
  const name = providerName(provider);
  const settings = readOptions(options);
  readDelivery(delivery);
  const now = readNow(options);
  const entries = headerEntries(delivery.headers);
  const url = readUrl(delivery.url);
  let body;
  try {
    body = bodyBytes(delivery.body, settings.maxBodyBytes);
  } catch (error) {
    if (error instanceof WebhookError && error.code === "body_too_large") {
      return { error: { code: error.code, message: error.message }, causes: [] };
    }
    throw error;
  }
  const { bytes, lengths } = packSecrets(secret);
  try {
    return unwrap(
      core.explain(name, JSON.stringify(entries), body, url, readMethod(delivery.method), bytes, lengths, settings.toleranceSeconds, settings.maxBodyBytes, settings.tokenParam, now),
    );
  } finally {
    bytes.fill(0); // a copy of the secrets, as in verify()
  }
}

/** The registered providers' canonical names (aliases such as `svix` not included). */
export function providers() {
  ensureReady();
  const aliases = new Set(["svix", "clerk", "resend"]);
  return core.providers().split(", ").filter((name) => !aliases.has(name));
}

/**
 * The answer to a provider's `GET` check of the endpoint, or null when the request is not
 * one (or, for Meta, its token is wrong: answer 403). `meta`: the `hub.challenge` (text),
 * when `hub.mode` is `subscribe` and `hub.verify_token` equals `secret` (compared in
 * constant time). `twitter`: the CRC answer `{"response_token":"sha256=…"}` (JSON) for
 * `?crc_token=…`, keyed by the consumer secret (the first, when several are given).
 * Other providers: null (their checks are POSTs: the event's `challenge`).
 */
export function getChallengeAnswer(provider, url, secret) {
  ensureReady();
  const name = providerName(provider);
  if (typeof url !== "string") invalid(`url must be a string; got ${describe(url)}`);
  const secrets = (Array.isArray(secret) ? secret : [secret]).filter((one) => one !== undefined && one !== "");
  if (secrets.length === 0) throw new WebhookError("invalid_secret", "a secret is needed to answer the check");
  if (["meta", "whatsapp", "instagram", "messenger"].includes(name)) {
    // Any of the configured verify tokens (rotation).
    for (const token of secrets) {
      // As bytes: the core wipes its copy, and this one is wiped here.
      const bytes = typeof token === "string" ? secretBytes(token) : secretBytes(token).slice();
      let answer;
      try {
        answer = core.metaSubscriptionAnswer(url, bytes);
      } finally {
        bytes.fill(0);
      }
      if (answer !== undefined) return { contentType: "text/plain", body: answer };
    }
    return null;
  }
  if (name === "twitter") {
    const token = new URL(url, "http://localhost").searchParams.get("crc_token");
    if (token === null) return null;
    const key = secretBytes(secrets[0]);
    try {
      return { contentType: "application/json", body: core.twitterCrcResponse(key, token) };
    } finally {
      if (typeof secrets[0] === "string") key.fill(0);
    }
  }
  return null;
}

/** The provider a delivery's headers (or Gengo's form body) belong to, or null. */
export function detectProvider(delivery) {
  ensureReady();
  readDelivery(delivery);
  const body = bodyBytes(delivery.body ?? "", DEFAULT_MAX_BODY);
  return core.detectProvider(JSON.stringify(headerEntries(delivery.headers)), body) || null;
}

/**
 * The exact bytes the provider's HMAC covers for this delivery (SIR: `<timestamp>.<body>`;
 * G2 Sentry, ContentsPal: the body), or null for a provider that signs nothing (gengo).
 * For inspectors: compare them with what your own code hashes.
 */
export function signedBytes(provider, delivery) {
  ensureReady();
  const name = providerName(provider);
  readDelivery(delivery);
  const body = bodyBytes(delivery.body, DEFAULT_MAX_BODY);
  const reply = core.signedPrefix(name, JSON.stringify(headerEntries(delivery.headers)), body, readUrl(delivery.url), readMethod(delivery.method));
  if (reply === "-") return null;
  if (reply.charCodeAt(0) === 33 /* "!" */) unwrap(reply);
  if (reply.charCodeAt(0) === 42 /* "*" */) {
    // All the signed bytes, as hex (the body is not last: HubSpot, Twilio, Mailgun).
    const hex = reply.slice(1);
    const all = new Uint8Array(hex.length / 2);
    for (let i = 0; i < all.length; i++) all[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return all;
  }
  const prefix = encoder.encode(reply.slice(1));
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}
