import i18next from 'i18next';
import { formatDuration } from './duration';
import en from './locales/en.json';
import vi from './locales/vi.json';

async function translator(lng: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('formatDuration', () => {
  it('speaks Vietnamese', async () => {
    const t = await translator('vi');
    expect(formatDuration(t, 45)).toBe('khoảng 45 phút');
    expect(formatDuration(t, 60)).toBe('khoảng 1 giờ');
    expect(formatDuration(t, 95)).toBe('khoảng 1 giờ 35 phút');
    expect(formatDuration(t, 118)).toBe('khoảng 2 giờ');
    expect(formatDuration(t, 0)).toBe('khoảng 1 phút');
  });

  it('uses English plurals', async () => {
    const t = await translator('en');
    expect(formatDuration(t, 1)).toBe('about 1 minute');
    expect(formatDuration(t, 30)).toBe('about 30 minutes');
    expect(formatDuration(t, 60)).toBe('about 1 hour');
    expect(formatDuration(t, 180)).toBe('about 3 hours');
    expect(formatDuration(t, 131)).toBe('about 2 h 10 min');
  });
});
