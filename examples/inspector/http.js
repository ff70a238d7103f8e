// Reading a delivery as people paste it (the package's reader, shared with the command
// line), and writing one back as raw HTTP and as curl.

export { parseRequest, urlOf } from "hookproof/raw-http";

/** A signed delivery (from `sign`) as raw HTTP text, ready to paste back. */
export function toRawRequest({ headers, body, url }, path, host) {
  const target = url ?? path;
  const lines = [`POST ${target} HTTP/1.1`, `Host: ${host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join("\n")}\n\n${typeof body === "string" ? body : new TextDecoder().decode(body)}`;
}

const quote = (text) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The same delivery as a curl command for a local endpoint. */
export function toCurl({ headers, body, url }, path, origin) {
  const parts = ["curl -sS -X POST", quote(origin + (url ?? path))];
  for (const [name, value] of Object.entries(headers)) parts.push("-H", quote(`${name}: ${value}`));
  parts.push("--data-binary", quote(typeof body === "string" ? body : new TextDecoder().decode(body)));
  return parts.join(" ");
}
