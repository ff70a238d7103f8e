/** A logged or pasted HTTP request, as read by `parseRequest`. */
export interface RawRequest {
  method: string | null;
  target: string | null;
  headers: [string, string][];
  body: string;
}
/**
 * `{ method, target, headers, body }` from pasted text: an optional request line, header
 * lines, a blank line, then the body exactly as pasted.
 */
export function parseRequest(text: string): RawRequest;
/** The callback URL from the request line's target and the Host header ("" if neither tells it). */
export function urlOf(request: Pick<RawRequest, "target" | "headers">): string;
