// Reading a delivery as people paste it from a log or a request bin: an optional request
// line, header lines, a blank line, the body. One reader for the inspector page and the
// command line (`hookproof verify|explain`), so both read a logged request alike.

const REQUEST_LINE = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/[\d.]+)?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:[ \t]?(.*)$/;

/**
 * `{ method, target, headers: [name, value][], body }` from pasted text. Without a
 * request line, leading `Name: value` lines are headers; text that starts with neither is
 * all body. The body is everything after the first blank line, exactly as pasted.
 */
export function parseRequest(text) {
  const lines = text.split("\n");
  let index = 0;
  let method = null;
  let target = null;
  const first = lines[0]?.replace(/\r$/, "") ?? "";
  const requestLine = REQUEST_LINE.exec(first);
  if (requestLine) {
    [, method, target] = requestLine;
    index = 1;
  }
  const headers = [];
  for (; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (line === "") {
      index++;
      break;
    }
    const header = HEADER_LINE.exec(line);
    if (!header) {
      // Not a header block after all: with no request line, it is all body.
      if (!requestLine && headers.length === 0) return { method, target, headers, body: text };
      break;
    }
    headers.push([header[1], header[2].replace(/[ \t]+$/, "")]);
  }
  if (!requestLine && headers.length === 0) return { method, target, headers, body: text };
  // The separator's own CR (a CRLF paste) is not part of the body.
  const rest = lines.slice(index).join("\n");
  return { method, target, headers, body: rest };
}

/** The callback URL from a request line's target and the Host header, if both tell it. */
export function urlOf({ target, headers }) {
  if (!target) return "";
  if (/^https?:\/\//i.test(target)) return target;
  const host = headers.find(([name]) => name.toLowerCase() === "host")?.[1];
  return host ? `https://${host}${target}` : target;
}
