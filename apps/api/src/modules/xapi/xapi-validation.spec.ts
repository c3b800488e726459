import { buildMultipart, multipartBoundary, parseMultipart } from './multipart';
import { parseAcceptLanguage } from './statement-format';
import { canonicalJson, ifiOf, isTimestamp, validateStatement, XapiValidationError } from './xapi-validation';

const ok = { actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.com/a' } };

describe('xAPI statement validation', () => {
  it('accepts a minimal statement and turns single context activities into arrays', () => {
    const s = validateStatement({ ...ok, context: { contextActivities: { parent: { id: 'http://example.com/p' } } } }, '1.0');
    expect(s.context).toEqual({ contextActivities: { parent: [{ id: 'http://example.com/p' }] } });
  });

  it('collects every problem with its path', () => {
    try {
      validateStatement({ actor: { name: 'x' }, verb: { id: 'nope' }, object: { id: 'http://example.com/a' }, extra: 1 }, '1.0');
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(XapiValidationError);
      const problems = (error as XapiValidationError).problems;
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^statement\.extra/), expect.stringMatching(/^statement\.actor /), expect.stringMatching(/^statement\.verb\.id/)]));
    }
  });

  it('timestamps need a zone and not -00:00', () => {
    expect(isTimestamp('2026-12-02T10:00:00Z')).toBe(true);
    expect(isTimestamp('2026-12-02T10:00:00.5+07:00')).toBe(true);
    expect(isTimestamp('2026-12-02T10:00:00')).toBe(false);
    expect(isTimestamp('2026-12-02T10:00:00-00:00')).toBe(false);
  });

  it('IFIs compare mbox without case; canonical JSON sorts keys', () => {
    expect(ifiOf({ mbox: 'mailto:A@Example.com' })).toBe(ifiOf({ mbox: 'mailto:a@example.com' }));
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('Accept-Language is ordered by q', () => {
    expect(parseAcceptLanguage('en;q=0.5, vi, fr;q=0')).toEqual(['vi', 'en']);
  });
});

describe('multipart/mixed', () => {
  it('round-trips parts with binary data', () => {
    const data = Buffer.from([0, 13, 10, 45, 45, 255]);
    const built = buildMultipart([
      { headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' },
      { headers: { 'Content-Type': 'application/octet-stream', 'X-Experience-API-Hash': 'abc' }, body: data },
    ]);
    const parts = parseMultipart(built.body, multipartBoundary(built.contentType)!);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.body.toString()).toBe('{"a":1}');
    expect(parts[1]!.headers['x-experience-api-hash']).toBe('abc');
    expect(Buffer.compare(parts[1]!.body, data)).toBe(0);
  });

  it('refuses a missing boundary and a body without a closing delimiter', () => {
    expect(() => multipartBoundary('multipart/mixed')).toThrow();
    expect(multipartBoundary('application/json')).toBeNull();
    expect(() => parseMultipart(Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\nx'), 'b')).toThrow();
  });
});
