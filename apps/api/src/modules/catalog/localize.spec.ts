import { availableLanguages, localize, servedLanguage } from './localize';

describe('localize', () => {
  const translations = { en: { title: 'Safe smartphone', summary: '' }, km: { title: '   ' } };
  it('replaces each translated field and falls back field by field', () => {
    expect(localize({ title: 'Điện thoại an toàn', summary: 'Tóm tắt' }, translations, 'en', ['title', 'summary'])).toEqual({
      title: 'Safe smartphone',
      summary: 'Tóm tắt',
    });
  });
  it('keeps the course language without a translation', () => {
    expect(localize({ title: 'T' }, translations, 'fr', ['title'])).toEqual({ title: 'T' });
    expect(localize({ title: 'T' }, null, 'en', ['title'])).toEqual({ title: 'T' });
    expect(localize({ title: 'T' }, translations, 'km', ['title'])).toEqual({ title: 'T' });
  });
  it('says which language is served and which exist', () => {
    expect(servedLanguage('vi', translations, 'en')).toBe('en');
    expect(servedLanguage('vi', translations, 'km')).toBe('vi');
    expect(servedLanguage('vi', translations, undefined)).toBe('vi');
    expect(availableLanguages('vi', { en: {}, km: {} })).toEqual(['vi', 'en', 'km']);
  });
});
