import i18next from 'i18next';
import en from './locales/en.json';
import vi from './locales/vi.json';
import { formatWait } from './wait';

async function translator(lng: 'vi' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('formatWait', () => {
  it('says a wait the way people do, rounding up', async () => {
    const vi_ = await translator('vi');
    expect(formatWait(vi_, 0)).toBe('1 giây');
    expect(formatWait(vi_, 45)).toBe('45 giây');
    expect(formatWait(vi_, 60)).toBe('1 phút');
    expect(formatWait(vi_, 61)).toBe('2 phút');
    expect(formatWait(vi_, 900)).toBe('15 phút');
    expect(formatWait(vi_, 3601)).toBe('2 giờ');
    const en_ = await translator('en');
    expect(formatWait(en_, 1)).toBe('1 second');
    expect(formatWait(en_, 840)).toBe('14 minutes');
    expect(formatWait(en_, 3600)).toBe('1 hour');
  });
});
