import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../i18n/locales/en.json';
import vi from '../../i18n/locales/vi.json';
import { FrameworksPage } from './FrameworksPage';

async function render(lng: 'vi' | 'en'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <FrameworksPage />
    </I18nextProvider>,
  );
}

describe('FrameworksPage', () => {
  it('shows the frameworks, their areas and competencies from @hocso/curriculum in Vietnamese', async () => {
    const html = await render('vi');
    expect(html).toContain('<h1>Khung năng lực số</h1>');
    expect(html).toContain('Khung kiến thức, kỹ năng số cơ bản');
    expect(html).toContain('Bảo vệ dữ liệu cá nhân và quyền riêng tư');
    expect(html).toContain('Ứng dụng trí tuệ nhân tạo');
    expect(html).toContain('Tự thực hiện');
    expect(html).toMatch(/29 tháng 4,? 2025/);
    expect(html).toContain('23 năng lực');
    expect(html).not.toContain('Protecting personal data');
  });

  it('shows them in English', async () => {
    const html = await render('en');
    expect(html).toContain('<h1>Digital competence frameworks</h1>');
    expect(html).toContain('DigComp 2.2: The Digital Competence Framework for Citizens');
    expect(html).toContain('Protecting personal data and privacy');
    expect(html).toContain('Applying artificial intelligence');
    expect(html).toContain('April 29, 2025');
    expect(html).toContain('21 competencies');
    expect(html).not.toContain('Bảo vệ dữ liệu cá nhân');
  });

  it('keeps headings in order and marks provisional data as such', async () => {
    const html = await render('en');
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
    expect(html).toMatch(/Protecting personal data and privacy<span class="badge">Provisional<\/span>/);
    // DigComp is official: its competencies carry no such mark
    expect(html).toMatch(/Netiquette<\/span>/);
  });
});
