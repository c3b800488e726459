import { existsSync } from 'node:fs';
import { demoCaptions, demoFontPath, wrapLines } from './demo-video';
import { DEMO_COURSES } from './demo-courses';

describe('demo video', () => {
  it('wraps card text at spaces', () => {
    expect(wrapLines('Chờ thông báo của ngân hàng rồi mới giao hàng', 20)).toEqual(['Chờ thông báo của', 'ngân hàng rồi mới', 'giao hàng']);
  });

  it('makes WebVTT captions with one 5 s cue per card', () => {
    const vtt = demoCaptions([{ vi: 'Một', en: 'One' }, { vi: 'Hai', en: 'Two' }], 'en');
    expect(vtt).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nOne\n\n2\n00:00:05.000 --> 00:00:10.000\nTwo\n');
  });

  it('finds a font with Vietnamese letters', () => {
    expect(existsSync(demoFontPath())).toBe(true);
  });

  it('gives every video lesson 3–6 cards (15–30 s)', () => {
    const videos = DEMO_COURSES.flatMap((c) => c.modules.flatMap((m) => m.lessons)).filter((l) => l.kind === 'video');
    expect(videos.length).toBe(DEMO_COURSES.length);
    for (const v of videos) expect(v.cards!.length).toBeGreaterThanOrEqual(3);
    for (const v of videos) expect(v.cards!.length).toBeLessThanOrEqual(6);
  });
});
