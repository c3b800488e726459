import { combine, verdict, windowAt, type RateLimitRule } from './rate-limit';

const rule: RateLimitRule = { name: 't', limit: 3, windowSeconds: 60 };

describe('rate-limit arithmetic', () => {
  it('numbers windows from the epoch and counts the seconds left, at least 1', () => {
    expect(windowAt(0, 60)).toEqual({ index: 0, resetsInSeconds: 60 });
    expect(windowAt(59_000, 60)).toEqual({ index: 0, resetsInSeconds: 1 });
    expect(windowAt(59_999, 60)).toEqual({ index: 0, resetsInSeconds: 1 });
    expect(windowAt(60_000, 60)).toEqual({ index: 1, resetsInSeconds: 60 });
    expect(windowAt(90_500, 60)).toEqual({ index: 1, resetsInSeconds: 30 });
  });

  it('allows up to the limit, then refuses until the window ends', () => {
    const window = windowAt(90_500, 60);
    expect(verdict(1, rule, window)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(verdict(3, rule, window)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(verdict(4, rule, window)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('combines rules: refused if any refuses, for the longest wait', () => {
    expect(combine([{ allowed: true, retryAfterSeconds: 0 }, { allowed: true, retryAfterSeconds: 0 }])).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(combine([{ allowed: false, retryAfterSeconds: 10 }, { allowed: true, retryAfterSeconds: 0 }, { allowed: false, retryAfterSeconds: 300 }])).toEqual({
      allowed: false,
      retryAfterSeconds: 300,
    });
  });
});
