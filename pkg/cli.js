#!/usr/bin/env node
// `hookproof`: sign, send, verify and explain webhook deliveries from the terminal.
// Exit codes: 0 success (genuine), 1 not genuine (or a send that got an unexpected answer),
// 2 usage (bad arguments, no secret, unreadable file).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { explain, sign, verify, WebhookError } from "#hookproof";
import { SAMPLES } from "./cli-samples.js";
import { parseRequest, urlOf } from "./raw-http.js";

const USAGE = 2;

class UsageError extends Error {}

const SECRET_HELP = `Secrets (first found wins; several comma-separated for verify/explain during a rotation):
  --secret S            on the command line (lands in shell history: prefer the two below)
  --secret-file FILE    the file's content, trimmed
  --secret-env NAME     the environment variable NAME
  otherwise             $<PROVIDER>_SECRET (e.g. SIR_SECRET), then $HOOKPROOF_SECRET`;

const HELP = {
  main: `hookproof — sign, send, verify and explain webhook deliveries

Usage: hookproof <command> [options]     (hookproof <command> --help for one)

Commands:
  sign <provider>          print a signed request (raw HTTP and curl)
  send <provider> <url>    send signed deliveries to your endpoint; print what came back
  verify <provider> [FILE|-]   read a raw HTTP request as logged: Genuine or Not genuine
  explain <provider> [FILE|-]  verify, and rank the likely causes of a failure

Exit codes: 0 genuine / success, 1 not genuine, 2 usage.
Output: colour only on a terminal (NO_COLOR turns it off); --json for scripts.`,
  sign: `Usage: hookproof sign <provider> [--body FILE|-] [--event TYPE] [options]

Prints the request the provider would send: raw HTTP, then a curl command. Without --body,
a sample payload for the provider and --event (default: its first sample event).

Options:
  --body FILE|-         the body to sign, exactly as the file's bytes ("-": stdin)
  --event TYPE          which sample payload (see --list-events)
  --list-events         the sample event types of the provider
  --url URL             the endpoint URL (default http://localhost:3000/webhooks/<provider>)
  --timestamp SECONDS   sign as of this Unix time (default: now)
  --format raw|curl|both|json   default both; raw prints the exact request bytes only
  --json                same as --format json

${SECRET_HELP}`,
  send: `Usage: hookproof send <provider> <url> [--count N] [--duplicate] [--tamper] [options]

Signs and POSTs deliveries to <url> the way the provider would, then prints a table of
each answer (status, time). Exit 1 if an answer is not what a correct endpoint gives
(2xx for genuine deliveries and redeliveries, 4xx for tampered ones).

Options:
  --count N             N distinct events (default 1), each a fresh sample (or --body)
  --duplicate           send each delivery twice (a provider's redelivery)
  --tamper              also send a copy of each with one body byte changed (expect 401)
  --body FILE|-         the body to sign instead of a sample
  --event TYPE          which sample payload
  --timeout MS          per request (default 10000)
  --json                the results as JSON

${SECRET_HELP}`,
  verify: `Usage: hookproof verify <provider> [FILE|-] [options]

Reads a raw HTTP request as the inspector and request logs show it (request line,
headers, blank line, body exactly as received) from FILE or stdin, and says Genuine (exit
0, with the event) or Not genuine (exit 1, with the error code).

Options:
  --url URL             the URL the provider called, if the request line does not tell it
  --now SECONDS         verify as of this Unix time (for old captures)
  --tolerance SECONDS   the replay window (default: the provider's)
  --json                the result as JSON

${SECRET_HELP}`,
  explain: `Usage: hookproof explain <provider> [FILE|-] [options]

As verify, and on failure the likely causes, most likely first (a signature re-check
confirms the first ones). Exit 0 genuine, 1 not genuine.

Options: as for verify.

${SECRET_HELP}`,
};

// --- output ------------------------------------------------------------------------------

const colourOn = process.stdout.isTTY === true && !("NO_COLOR" in process.env);
const paint = (code) => (text) => (colourOn ? `\x1b[${code}m${text}\x1b[0m` : text);
const green = paint("32");
const red = paint("31");
const dim = paint("2");
const bold = paint("1");

const out = (text) => {
  process.stdout.write(`${text}\n`);
};

// --- arguments ---------------------------------------------------------------------------

const COMMON = {
  secret: { type: "string" },
  "secret-file": { type: "string" },
  "secret-env": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

const OPTIONS = {
  sign: { ...COMMON, body: { type: "string" }, event: { type: "string" }, "list-events": { type: "boolean" }, url: { type: "string" }, timestamp: { type: "string" }, format: { type: "string" } },
  send: { ...COMMON, body: { type: "string" }, event: { type: "string" }, count: { type: "string" }, duplicate: { type: "boolean" }, tamper: { type: "boolean" }, timeout: { type: "string" } },
  verify: { ...COMMON, url: { type: "string" }, now: { type: "string" }, tolerance: { type: "string" } },
  explain: { ...COMMON, url: { type: "string" }, now: { type: "string" }, tolerance: { type: "string" } },
};

function parse(command, argv) {
  try {
    return parseArgs({ args: argv, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error.message}\n\n${HELP[command]}`);
  }
}

function wholeNumber(value, name, { min = 0 } = {}) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${name} must be a whole number${min > 0 ? ` of at least ${min}` : ""}; got ${JSON.stringify(value)}`);
  return Number(value);
}

function readInput(path) {
  try {
    return path === "-" ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path === "-" ? "stdin" : path}: ${error.code ?? error.message}`);
  }
}

// Never echoes the secret; says where it looked.
function secretsOf(provider, values, { many }) {
  let text;
  if (values.secret !== undefined) text = values.secret;
  else if (values["secret-file"] !== undefined) text = readInput(values["secret-file"]).toString("utf8").trim();
  else if (values["secret-env"] !== undefined) {
    text = process.env[values["secret-env"]];
    if (text === undefined) throw new UsageError(`the environment variable ${values["secret-env"]} is not set`);
  } else {
    const variable = `${provider.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_SECRET`;
    text = process.env[variable] ?? process.env.HOOKPROOF_SECRET;
    if (text === undefined) throw new UsageError(`no secret: pass --secret-file FILE, --secret-env NAME or --secret S, or set ${variable} (or HOOKPROOF_SECRET)`);
  }
  if (!many) return text;
  const secrets = text.split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (secrets.length === 0) throw new UsageError("the secret is empty");
  return secrets;
}

function sampleOf(provider, event, n = 0) {
  const samples = SAMPLES[provider];
  if (samples === undefined) throw new UsageError(`no sample payloads for ${provider}: pass --body FILE`);
  const type = event ?? Object.keys(samples)[0];
  const make = samples[type];
  if (make === undefined) throw new UsageError(`no sample event ${JSON.stringify(type)} for ${provider}; samples: ${Object.keys(samples).join(", ")}`);
  return make(n);
}

function bodyOf(provider, values, n) {
  return values.body !== undefined ? new Uint8Array(readInput(values.body)) : sampleOf(provider, values.event, n);
}

function contentTypeOf(provider) {
  return provider === "gengo" ? "application/x-www-form-urlencoded" : "application/json";
}

// The signed headers plus a Content-Type unless sign() named one (in any spelling).
function withContentType(provider, headers, name = "Content-Type") {
  const hasType = Object.keys(headers).some((key) => key.toLowerCase() === "content-type");
  return hasType ? { ...headers } : { [name]: contentTypeOf(provider), ...headers };
}

// sign()'s own refusals (unknown provider, bad secret) are usage errors.
function signed(provider, body, secret, options) {
  try {
    return sign(provider, body, secret, options);
  } catch (error) {
    if (error instanceof WebhookError) throw new UsageError(`${error.code}: ${error.message}`);
    throw error;
  }
}

const textOf = (body) => (typeof body === "string" ? body : new TextDecoder().decode(body));
const quote = (text) => `'${text.replaceAll("'", `'\\''`)}'`;

// --- sign --------------------------------------------------------------------------------

function commandSign(argv) {
  const { values, positionals } = parse("sign", argv);
  if (values.help) return out(HELP.sign);
  const [provider, ...extra] = positionals;
  if (provider === undefined || extra.length > 0) throw new UsageError(HELP.sign);
  if (values["list-events"]) {
    const samples = SAMPLES[provider];
    if (samples === undefined) throw new UsageError(`no sample payloads for ${provider}`);
    return out(Object.keys(samples).join("\n"));
  }
  const format = values.json ? "json" : (values.format ?? "both");
  if (!["raw", "curl", "both", "json"].includes(format)) throw new UsageError(`--format must be raw, curl, both or json; got ${JSON.stringify(format)}`);
  const url = values.url ?? `http://localhost:3000/webhooks/${provider}`;
  const target = new URL(url);
  const secret = secretsOf(provider, values, { many: false });
  const delivery = signed(provider, bodyOf(provider, values, 0), secret, { url, timestamp: wholeNumber(values.timestamp, "--timestamp") });
  const finalUrl = new URL(delivery.url ?? url);
  const headers = withContentType(provider, delivery.headers);
  const body = textOf(delivery.body);
  const raw = [`POST ${finalUrl.pathname}${finalUrl.search} HTTP/1.1`, `Host: ${target.host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join("\n") + `\n\n${body}`;
  const curl = ["curl -sS -X POST", quote(finalUrl.href), ...Object.entries(headers).flatMap(([name, value]) => ["-H", quote(`${name}: ${value}`)]), "--data-binary", quote(body)].join(" ");
  if (format === "json") return out(JSON.stringify({ url: finalUrl.href, headers, body, raw, curl }, null, 2));
  // Exactly the request's bytes, no newline added: `sign --format raw | verify` round-trips.
  if (format === "raw") return void process.stdout.write(raw);
  if (format === "curl") return out(curl);
  out(dim("# Raw HTTP (save it and run: hookproof verify " + provider + " FILE)"));
  out(raw);
  out("");
  out(dim("# curl"));
  out(curl);
}

// --- verify / explain ------------------------------------------------------------------------

// The callback URL: --url, else the logged request line's target and Host header.
function urlOfRequest(request, given) {
  return given ?? (urlOf(request) || undefined);
}

function commandVerify(command, argv) {
  const { values, positionals } = parse(command, argv);
  if (values.help) return out(HELP[command]);
  const [provider, file = "-", ...extra] = positionals;
  if (provider === undefined || extra.length > 0) throw new UsageError(HELP[command]);
  const secrets = secretsOf(provider, values, { many: true });
  const request = parseRequest(readInput(file).toString("utf8"));
  const delivery = { headers: request.headers, body: request.body, url: urlOfRequest(request, values.url) };
  const options = {};
  if (values.now !== undefined) options.now = wholeNumber(values.now, "--now");
  if (values.tolerance !== undefined) options.toleranceSeconds = wholeNumber(values.tolerance, "--tolerance");
  let event = null;
  let error = null;
  try {
    event = verify(provider, delivery, secrets, options);
  } catch (caught) {
    if (!(caught instanceof WebhookError)) throw caught;
    if (caught.code === "unknown_provider" || caught.code === "invalid_secret" || caught.code === "invalid_argument") throw new UsageError(`${caught.code}: ${caught.message}`);
    error = { code: caught.code, message: caught.message };
  }
  const causes = command === "explain" && error !== null ? explain(provider, delivery, secrets, options).causes : undefined;
  if (values.json) {
    out(JSON.stringify({ genuine: error === null, event, error, ...(causes ? { causes } : {}) }, null, 2));
  } else if (error === null) {
    out(`${green(bold("Genuine"))} ${provider} ${bold(event.type)}${event.id ? ` id=${event.id}` : ""} dedupeKey=${event.dedupeKey}`);
    out(JSON.stringify(event.payload, null, 2));
  } else {
    out(`${red(bold("Not genuine"))} ${provider}: ${bold(error.code)} — ${error.message}`);
    if (causes) {
      if (causes.length === 0) out(dim("no likely cause found"));
      causes.forEach((cause, index) => out(`  ${index + 1}. ${bold(cause.code)}: ${cause.message}`));
    } else {
      out(dim(`run: hookproof explain ${provider} ${file} for the likely causes`));
    }
  }
  return error === null ? 0 : 1;
}

// --- send --------------------------------------------------------------------------------

function tampered(body) {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  // A digit or letter in the middle changes; the body stays the same size and shape.
  let index = Math.floor(bytes.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const at = (Math.floor(bytes.length / 2) + i) % bytes.length;
    if ((bytes[at] >= 0x30 && bytes[at] <= 0x39) || (bytes[at] >= 0x61 && bytes[at] <= 0x7a)) {
      index = at;
      break;
    }
  }
  if (bytes.length > 0) bytes[index] = bytes[index] === 0x31 ? 0x32 : bytes[index] >= 0x61 && bytes[index] < 0x7a ? bytes[index] + 1 : 0x31;
  return bytes;
}

async function post(url, headers, body, timeoutMs) {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, answer: text.slice(0, 200) };
  } catch (error) {
    return { status: null, ms: performance.now() - started, answer: error.cause?.code ?? error.message ?? String(error) };
  }
}

async function commandSend(argv) {
  const { values, positionals } = parse("send", argv);
  if (values.help) return out(HELP.send);
  const [provider, url, ...extra] = positionals;
  if (provider === undefined || url === undefined || extra.length > 0) throw new UsageError(HELP.send);
  try {
    new URL(url);
  } catch {
    throw new UsageError(`not a URL: ${JSON.stringify(url)}`);
  }
  const count = wholeNumber(values.count, "--count", { min: 1 }) ?? 1;
  const timeoutMs = wholeNumber(values.timeout, "--timeout", { min: 1 }) ?? 10_000;
  const secret = secretsOf(provider, values, { many: false });
  const plan = [];
  for (let n = 0; n < count; n++) {
    plan.push({ n, kind: "genuine" });
    if (values.duplicate) plan.push({ n, kind: "redelivery" });
    if (values.tamper) plan.push({ n, kind: "tampered" });
  }
  const progress = process.stderr.isTTY === true && !values.json && plan.length > 1;
  const bodies = new Map();
  const results = [];
  for (const [index, step] of plan.entries()) {
    if (!bodies.has(step.n)) bodies.set(step.n, bodyOf(provider, values, step.n));
    // Signed afresh each time, as providers re-sign a redelivery (a new timestamp).
    const delivery = signed(provider, bodies.get(step.n), secret, { url });
    const headers = { "user-agent": "hookproof-cli", ...withContentType(provider, delivery.headers, "content-type") };
    const body = step.kind === "tampered" ? tampered(delivery.body) : delivery.body;
    const result = await post(delivery.url ?? url, headers, body, timeoutMs);
    const expected = step.kind === "tampered" ? result.status !== null && result.status >= 400 && result.status < 500 : result.status !== null && result.status >= 200 && result.status < 300;
    results.push({ delivery: step.n + 1, kind: step.kind, status: result.status, ms: Math.round(result.ms * 10) / 10, expected, answer: result.answer });
    if (progress) process.stderr.write(`\rsent ${index + 1}/${plan.length}`);
  }
  if (progress) process.stderr.write("\r\x1b[K");
  const allExpected = results.every((result) => result.expected);
  if (values.json) {
    out(JSON.stringify({ url, provider, results, ok: allExpected }, null, 2));
  } else {
    const rows = [["#", "kind", "status", "time", "answer"], ...results.map((r) => [String(r.delivery), r.kind, r.status === null ? "—" : String(r.status), `${r.ms.toFixed(1)} ms`, r.answer.replace(/\s+/g, " ").slice(0, 60)])];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd();
    out(bold(line(rows[0])));
    results.forEach((result, index) => {
      const text = line(rows[index + 1]);
      out(result.expected ? text : red(text));
    });
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    out(dim(`${results.length} requests to ${url}: ${results.filter((r) => r.expected).length} answered as expected; median ${times[Math.floor(times.length / 2)].toFixed(1)} ms`));
  }
  return allExpected ? 0 : 1;
}

// --- main --------------------------------------------------------------------------------

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    if (command === "help" && rest[0] in HELP) out(HELP[rest[0]]);
    else out(HELP.main);
    return command === undefined ? USAGE : 0;
  }
  try {
    switch (command) {
      case "sign":
        return commandSign(rest) ?? 0;
      case "send":
        return (await commandSend(rest)) ?? 0;
      case "verify":
      case "explain":
        return commandVerify(command, rest) ?? 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${HELP.main}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hookproof ${command}: ${error.message}\n`);
      return USAGE;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
