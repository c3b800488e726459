import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../i18n/locales/media.en.json';
import vi from '../../i18n/locales/media.vi.json';
import { mediaAssetKey, type MediaAsset } from './api';
import { MediaStatus } from './MediaStatus';

const id = '3f2a9c1e-5b0e-4c51-9d8b-1f2a3b4c5d6e';
const base: MediaAsset = {
  id, status: 'queued', progress: 0, error: null, durationSeconds: null, width: null, height: null,
  posterUrl: null, hlsUrl: null, audioUrl: null, renditions: [], captions: [],
};

async function render(asset: MediaAsset, lng: 'vi' | 'en' = 'vi'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } }, lng, fallbackLng: 'vi', interpolation: { escapeValue: false }, react: { useSuspense: false },
  });
  const client = new QueryClient();
  client.setQueryData(mediaAssetKey(id), asset);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MediaStatus assetId={id} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('MediaStatus', () => {
  it('says a video waits, and how far its conversion is', async () => {
    expect(await render(base)).toContain('Đang chờ chuyển đổi…');
    const html = await render({ ...base, status: 'processing', progress: 42 }, 'en');
    expect(html).toContain('Converting: 42%');
    expect(html).toMatch(/<progress[^>]*value="42"/);
  });

  it('shows a ready video with its poster, duration and rungs', async () => {
    const html = await render({ ...base, status: 'ready', progress: 100, durationSeconds: 65.2, posterUrl: '/p.jpg', renditions: [{ height: 144, bandwidth: 1 }, { height: 360, bandwidth: 2 }] });
    expect(html).toContain('Sẵn sàng: 1:05, 144p, 360p.');
    expect(html).toContain('alt="Ảnh đại diện của video"');
  });

  it('gives the readable reason of a failure as an alert', async () => {
    const html = await render({ ...base, status: 'failed', error: { code: 'timeout', message: 'ffmpeg took longer than 3600 s and was stopped.' } }, 'en');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Conversion failed: ffmpeg took longer than 3600 s and was stopped.');
  });
});
