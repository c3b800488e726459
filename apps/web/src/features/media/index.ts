/**
 * Media components for the studio (they own the pages; these are the parts to embed).
 *
 * Load the texts with the page: `withMessages(['studio', 'media'], () => import('…/StudioLessonPage'))`
 * in router.tsx (part `media`: i18n/locales/media.{vi,en}.json). The user must be a signed-in
 * author (or administrator): the CSRF token comes from `useMe()`.
 *
 *   <VideoUpload onUploaded={(assetId) => saveLesson({ mediaAssetId: assetId })} />
 *     tus upload to /api/v1/media/uploads; pause/resume/retry; `maxBytes` (default 2 GiB) is checked
 *     before sending; refusals (too large, not a video) are shown translated.
 *   <MediaStatus assetId={lesson.mediaAssetId} />
 *     polls GET /api/v1/media/assets/:id every 2 s until ready (poster, duration, rungs) or failed (reason).
 *   <CaptionsUpload assetId={lesson.mediaAssetId} />
 *     language select + .vtt file; errors listed by line; existing tracks listed.
 *
 * Each works at 360 px wide and is keyboard usable; status changes are announced (role=status/alert).
 */
export { VideoUpload } from './VideoUpload';
export { MediaStatus } from './MediaStatus';
export { CaptionsUpload, CAPTION_LANGUAGES } from './CaptionsUpload';
export { useMediaAsset, formatDuration, formatSize, type MediaAsset } from './api';
