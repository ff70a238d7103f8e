// The deliveries every contender verifies, and the contenders themselves. Runtime-neutral:
// each runner (Node, Deno, workerd) passes in what its runtime offers.

export const SIZES = [256, 1024, 4096, 16384, 65536, 262144, 1 << 20];
export const SECRET = "bench-secret-0123456789";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A G2 Sentry- or SIR-shaped JSON body of exactly `size` bytes (benches/native.rs uses the same recipe). */
export function makeBody(scheme, size) {
  const head = scheme === "sir"
    ? '{"id":"evt_bench","type":"action.completed","createdAt":"2026-05-10T09:12:00Z","data":{"actionId":"act_1","tokensDistributed":25,"note":"'
    : '{"jobId":5,"eventType":"JobAssigned","jobStatus":"Assigned","jobName":"';
  const tail = scheme === "sir" ? '"}}' : '"}';
  return head + "x".repeat(Math.max(0, size - head.length - tail.length)) + tail;
}

function hexToBytes(hex) {
  if (hex.length !== 64) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    const byte = parseInt(hex.substr(i * 2, 2), 16);
    if (Number.isNaN(byte)) return null;
    out[i] = byte;
  }
  return out;
}

const PROVIDER = { hex: "g2sentry", sir: "sir" };

/**
 * Builds one delivery per scheme and size: headers as a Node-style record (lower-case
 * names), the body as bytes, as a server hands them over.
 */
export function makeDeliveries(hookproof, now) {
  const out = [];
  for (const scheme of ["hex", "sir"]) {
    for (const size of SIZES) {
      const text = makeBody(scheme, size);
      const signed = hookproof.sign(PROVIDER[scheme], text, SECRET, { timestamp: now });
      const headers = {};
      for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
      out.push({ scheme, size, provider: PROVIDER[scheme], headers, body: encoder.encode(text) });
    }
  }
  return out;
}

const TOLERANCE = 300;

/** What a careful hand-written verifier checks before trusting a SIR delivery. */
function sirHeaders(headers, now) {
  const ts = headers["x-sir-timestamp"];
  const sig = headers["x-sir-signature"];
  if (typeof ts !== "string" || !/^[0-9]{1,19}$/.test(ts) || typeof sig !== "string" || !sig.startsWith("sha256=")) return null;
  if (Math.abs(now - Number(ts)) > TOLERANCE) return null;
  return { ts, hex: sig.slice(7) };
}

/**
 * The contenders. Each is `{ name, async, prepare(delivery) -> (delivery) => event }`;
 * `prepare` does what a server does once (import keys, build verifiers).
 * `runtime` may hold: nodeCrypto (node:crypto) with Buffer, subtle (Web Crypto), Webhook
 * (standardwebhooks), hookproof, setWebCryptoFrom (pkg/api.js), now.
 */
export function contenders(runtime) {
  const { nodeCrypto, Buffer, subtle, hookproof, setWebCryptoFrom, setNativeFrom, now } = runtime;
  const list = [];
  if (nodeCrypto && Buffer) {
    list.push({
      name: "node:crypto createHmac",
      prepare() {
        return (d) => {
          const hmac = nodeCrypto.createHmac("sha256", SECRET);
          let hex;
          if (d.scheme === "sir") {
            const h = sirHeaders(d.headers, now);
            if (!h) throw new Error("refused");
            hmac.update(h.ts + ".");
            hex = h.hex;
          } else {
            hex = d.headers["x-signature"];
          }
          const expected = hmac.update(d.body).digest();
          const got = Buffer.from(hex, "hex");
          if (got.length !== 32 || !nodeCrypto.timingSafeEqual(expected, got)) throw new Error("refused");
          return JSON.parse(decoder.decode(d.body));
        };
      },
    });
  }
  if (subtle) {
    const signed = (d) => {
      if (d.scheme !== "sir") return { data: d.body, hex: d.headers["x-signature"] };
      const h = sirHeaders(d.headers, now);
      if (!h) throw new Error("refused");
      const prefix = encoder.encode(h.ts + ".");
      const data = new Uint8Array(prefix.length + d.body.length);
      data.set(prefix);
      data.set(d.body, prefix.length);
      return { data, hex: h.hex };
    };
    const keyData = encoder.encode(SECRET);
    const importKey = () => subtle.importKey("raw", keyData, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    list.push({
      name: "Web Crypto, key cached",
      async: true,
      async prepareAsync() {
        const key = await importKey();
        return async (d) => {
          const { data, hex } = signed(d);
          const sig = hexToBytes(hex);
          if (!sig || !(await subtle.verify("HMAC", key, sig, data))) throw new Error("refused");
          return JSON.parse(decoder.decode(d.body));
        };
      },
    });
    list.push({
      name: "Web Crypto, key per call",
      async: true,
      async prepareAsync() {
        return async (d) => {
          const key = await importKey();
          const { data, hex } = signed(d);
          const sig = hexToBytes(hex);
          if (!sig || !(await subtle.verify("HMAC", key, sig, data))) throw new Error("refused");
          return JSON.parse(decoder.decode(d.body));
        };
      },
    });
  }
  if (hookproof) {
    list.push({
      name: "hookproof verify()",
      prepare() {
        return (d) => hookproof.verify(d.provider, d, SECRET, { now, maxBodyBytes: 2 << 20 });
      },
    });
    if (typeof Request === "function" && setWebCryptoFrom) {
      // verifyRequest with each hash forced, to place its switch to Web Crypto (pkg/api.js,
      // set per runtime by the entry files). Both include building the Request, which a
      // server gets for free, and reading its body, which it does not.
      for (const [label, from] of [["wasm hash", Infinity], ["Web Crypto hash", 0]]) {
        list.push({
          name: `hookproof verifyRequest, ${label} (+ new Request)`,
          async: true,
          async prepareAsync() {
            return (d) => {
              setWebCryptoFrom(from);
              const request = new Request("https://bench.test/cb", { method: "POST", headers: d.headers, body: d.body });
              return hookproof.verifyRequest(d.provider, request, SECRET, { now, maxBodyBytes: 2 << 20 });
            };
          },
        });
      }
    }
    if (setNativeFrom) {
      // The same with the host's native HMAC turned off: the pure-wasm figure, for
      // browsers and Workers without nodejs_compat.
      list.push({
        name: "hookproof Verifier#verify, wasm hash only",
        prepare(d) {
          const verifier = new hookproof.Verifier(d.provider, SECRET, { maxBodyBytes: 2 << 20 });
          return (delivery) => {
            setNativeFrom(Infinity);
            return verifier.verify(delivery, { now });
          };
        },
      });
    }
    list.push({
      name: "hookproof Verifier#verify",
      prepare(d) {
        const verifier = new hookproof.Verifier(d.provider, SECRET, { maxBodyBytes: 2 << 20 });
        return (delivery) => {
          setNativeFrom?.(); // the default switch
          return verifier.verify(delivery, { now });
        };
      },
    });
  }
  return list;
}

/**
 * standardwebhooks verifying its own scheme (pure-JS HMAC) on bodies of the same sizes;
 * it is timestamped, so it is listed with the SIR rows.
 */
export function standardWebhooksContender(Webhook, nowSeconds) {
  const secret = "whsec_" + btoa(SECRET);
  const wh = new Webhook(secret);
  return {
    name: "standardwebhooks (own scheme)",
    scheme: "sir",
    prepare(d) {
      const payload = decoder.decode(d.body);
      const id = "msg_bench";
      const signature = wh.sign(id, new Date(nowSeconds * 1000), payload);
      const headers = { "webhook-id": id, "webhook-timestamp": String(nowSeconds), "webhook-signature": signature };
      return () => wh.verify(payload, headers);
    },
  };
}
