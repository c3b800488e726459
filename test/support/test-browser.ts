import { randomInt } from 'node:crypto';

export interface BrowserResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  setCookies: string[];
}

/**
 * A small browser for API tests: a cookie jar per host (HttpOnly cookies included, honouring
 * deletion by Max-Age=0 or a past Expires), no automatic redirects, its own client IP (sent as
 * X-Forwarded-For, which the API trusts) so that each test has its own per-IP rate-limit counters,
 * and host aliases (the public URL of the API in the tests is not where it listens).
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  /** The CSRF token of the session, once read from a sign-in, sign-up or GET /auth/me answer. */
  csrfToken?: string;

  constructor(
    readonly ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    private readonly aliases: Record<string, string> = {},
  ) {}

  resolve(url: string): URL {
    const parsed = new URL(url);
    const target = this.aliases[parsed.origin];
    return target ? new URL(`${target}${parsed.pathname}${parsed.search}`) : parsed;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(this.resolve(url).host)?.get(name);
  }

  cookieNames(url: string): string[] {
    return [...(this.jar.get(this.resolve(url).host)?.keys() ?? [])];
  }

  /** Sends a request; JSON bodies for objects, form bodies for URLSearchParams. CSRF header unless csrf: false. */
  async request(method: string, url: string, options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {}): Promise<BrowserResponse> {
    const target = this.resolve(url);
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...options.headers };
    const cookies = this.jar.get(target.host);
    if (cookies && cookies.size > 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && this.csrfToken && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] ??= this.csrfToken;
    let body: string | undefined;
    if (options.body instanceof URLSearchParams) {
      body = options.body.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(target, { method, headers, body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    this.store(target.host, setCookies);
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { csrfToken?: unknown }).csrfToken === 'string') {
      this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
    }
    return { status: res.status, headers: res.headers, body: parsed, setCookies };
  }

  get(url: string, options?: { headers?: Record<string, string> }) {
    return this.request('GET', url, options);
  }
  post(url: string, body?: unknown, options?: { headers?: Record<string, string>; csrf?: boolean }) {
    return this.request('POST', url, { ...options, body });
  }
  patch(url: string, body?: unknown, options?: { headers?: Record<string, string>; csrf?: boolean }) {
    return this.request('PATCH', url, { ...options, body });
  }

  private store(host: string, setCookies: string[]): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const deleted = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) < Date.now()) || value === '';
      if (deleted) cookies.delete(name);
      else cookies.set(name, value);
    }
  }
}

/** The Location of a redirect, resolved against the request URL. */
export function locationOf(res: BrowserResponse, base: string): URL {
  const location = res.headers.get('location');
  if (!location || res.status < 300 || res.status >= 400) throw new Error(`expected a redirect, got ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return new URL(location, base);
}
