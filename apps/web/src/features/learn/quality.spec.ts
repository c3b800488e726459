import { defaultQuality, onSlowConnection, qualityChoices } from './quality';

describe('video quality', () => {
  it('offers auto, data saver, each height once, and audio only when there is an audio rendition', () => {
    expect(qualityChoices({ renditions: [{ height: 240, bandwidth: 1 }, { height: 144, bandwidth: 1 }, { height: 240, bandwidth: 2 }], audioUrl: '/a.m3u8' })).toEqual(['auto', 'saver', '144', '240', 'audio']);
    expect(qualityChoices({ renditions: [], audioUrl: null })).toEqual(['auto', 'saver']);
  });

  it('defaults to data saver on slow or metered connections', () => {
    expect(onSlowConnection({ saveData: true })).toBe(true);
    expect(onSlowConnection({ effectiveType: '3g' })).toBe(true);
    expect(onSlowConnection({ effectiveType: '4g' })).toBe(false);
    expect(onSlowConnection(undefined)).toBe(false);
    expect(defaultQuality(['auto', 'saver'], { effectiveType: '2g' })).toBe('saver');
    expect(defaultQuality(['auto', 'saver'], { effectiveType: '4g' })).toBe('auto');
  });
});
