import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, CSRF_HEADER } from '../../api/client';
import type { components } from '../../api/schema';
import { ApiError, isErrorResponse, unwrap } from '../../api/errors';

export type MediaAsset = components['schemas']['MediaAssetDto'];
export type MediaCaption = components['schemas']['MediaCaptionDto'];
export type CaptionProblem = components['schemas']['CaptionProblemDto'];

export const UPLOADS_ENDPOINT = '/api/v1/media/uploads';
/** The API's default limit (MEDIA_MAX_UPLOAD_BYTES); the server's answer is what counts. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
export const CAPTION_MAX_BYTES = 512 * 1024;

export const mediaAssetKey = (id: string) => ['media-asset', id] as const;

/** The asset, polled every 2 s while it is being uploaded or converted. */
export function useMediaAsset(assetId: string) {
  return useQuery({
    queryKey: mediaAssetKey(assetId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/media/assets/{id}', { params: { path: { id: assetId } }, signal })),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'ready' || status === 'failed' || (query.state.error instanceof ApiError && query.state.error.status === 404) ? false : 2000;
    },
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 3,
  });
}

/** A refusal of a captions file: every problem with its line. */
export class CaptionsRejected extends Error {
  constructor(readonly problems: CaptionProblem[]) {
    super('invalid captions');
  }
}

/** PUT the WebVTT text (text/vtt; not JSON, so plain fetch with the session's CSRF token). */
export function usePutCaptions(assetId: string, csrfToken: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ language, text }: { language: string; text: string }): Promise<MediaCaption> => {
      const response = await fetch(`/api/v1/media/assets/${encodeURIComponent(assetId)}/captions/${encodeURIComponent(language)}`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'text/vtt; charset=utf-8', accept: 'application/json', ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}) },
        body: text,
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (response.status === 422 && body && Array.isArray((body as { details?: unknown }).details)) {
        throw new CaptionsRejected((body as { details: CaptionProblem[] }).details);
      }
      if (!response.ok) {
        throw new ApiError(response.status, isErrorResponse(body) ? body : undefined, response.headers.get('x-request-id') ?? undefined);
      }
      return body as MediaCaption;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mediaAssetKey(assetId) }),
  });
}

/** "1.5 MB" style sizes (decimal units, as phones show them). */
export function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** "1:05" or "1:02:03". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
