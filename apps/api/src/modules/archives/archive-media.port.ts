/**
 * What archive import needs from the media module, behind one small port so the archive code does
 * not depend on how media stores and transcodes (wired to MediaService in archives.module.ts).
 */
export interface ArchiveMediaPort {
  /** Throws (with a readable message) when the file is not a video the media module accepts. */
  checkVideo(path: string): Promise<void>;
  /** Problems of a WebVTT text (by line), or null when valid. */
  checkCaptions(vtt: string): string | null;
  /** Stores the video as a new asset and queues its transcoding (throws when the file is refused). */
  ingestVideo(path: string, options: { ownerId: string; filename: string }): Promise<string>;
  /** Validates and stores a WebVTT track; throws an Error whose message says what is wrong. */
  putCaptions(assetId: string, language: string, vtt: string): Promise<void>;
  /** Removes an asset and its files (cleanup of an import that failed later). */
  deleteAsset(assetId: string): Promise<void>;
}
export const ARCHIVE_MEDIA = Symbol('ARCHIVE_MEDIA');
