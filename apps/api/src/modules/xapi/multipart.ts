import { randomBytes } from 'node:crypto';

/** One part of a multipart/mixed body. Header names are lower-case. */
export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

export class MultipartError extends Error {}

/** The boundary of a `multipart/mixed; boundary=…` content type, or null for another type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/mixed\b/i.test(contentType.trim())) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new MultipartError('multipart/mixed needs a boundary parameter');
  return boundary;
}

/** Splits a multipart body (RFC 2046) into its parts; CRLF line ends, as xAPI requires. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new MultipartError('the body has no part delimited by its boundary');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') break; // close delimiter
    if (body.subarray(at, at + 2).toString() !== '\r\n') throw new MultipartError('a boundary line must end with CRLF');
    at += 2;
    const headersEnd = body.indexOf('\r\n\r\n', at);
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), at);
    if (next < 0) throw new MultipartError('the body ends without a closing boundary');
    const headers: Record<string, string> = {};
    let contentStart: number;
    if (body.subarray(at, at + 2).toString() === '\r\n') contentStart = at + 2; // no headers
    else {
      if (headersEnd < 0 || headersEnd > next) throw new MultipartError('a part has malformed headers');
      for (const line of body.subarray(at, headersEnd).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) throw new MultipartError(`malformed part header "${line.slice(0, 40)}"`);
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      contentStart = headersEnd + 4;
    }
    parts.push({ headers, body: body.subarray(contentStart, next) });
    at = next + 2;
  }
  return parts;
}

/** Builds a multipart/mixed body; returns it with its content type. */
export function buildMultipart(parts: { headers: Record<string, string>; body: Buffer | string }[]): { contentType: string; body: Buffer } {
  const boundary = `hocso-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), Buffer.isBuffer(part.body) ? part.body : Buffer.from(part.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
