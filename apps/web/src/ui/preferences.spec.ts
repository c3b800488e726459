import { applyDisplayPreferences, DEFAULT_DISPLAY_PREFERENCES, mergeDisplayPreferences } from './preferences';

describe('display preferences', () => {
  it('keeps only known, well-typed values (from storage or the API) over the current ones', () => {
    const base = DEFAULT_DISPLAY_PREFERENCES;
    expect(mergeDisplayPreferences(base, { fontSize: 'x-large', contrast: 'high', reducedMotion: true, language: 'en' })).toEqual({
      fontSize: 'x-large',
      contrast: 'high',
      reducedMotion: true,
    });
    expect(mergeDisplayPreferences(base, { fontSize: 'huge', contrast: 1, reducedMotion: 'yes' })).toEqual(base);
    expect(mergeDisplayPreferences({ ...base, fontSize: 'large' }, { contrast: 'high' })).toEqual({ ...base, fontSize: 'large', contrast: 'high' });
    expect(mergeDisplayPreferences(base, null)).toBe(base);
    expect(mergeDisplayPreferences(base, '{"fontSize":"large"}')).toBe(base);
  });

  it('sets the <html> attributes that the stylesheet reads', () => {
    const root = { dataset: {} as DOMStringMap } as HTMLElement;
    applyDisplayPreferences({ fontSize: 'large', contrast: 'high', reducedMotion: true }, root);
    expect(root.dataset).toEqual({ fontSize: 'large', contrast: 'high', reducedMotion: 'true' });
  });
});
