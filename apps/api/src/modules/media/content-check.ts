import { fileTypeFromFile } from 'file-type';
import { MediaError, probeVideo, type ProbeResult } from './ffmpeg';

const ACCEPTED_MIME = /^video\/|^application\/vnd\.ms-asf$/;

/**
 * The content check of an uploaded file: its first bytes must be those of a video container
 * (file-type), and ffprobe must find a video stream with a size and a duration. The name the
 * uploader gave is not believed.
 */
export async function checkVideoFile(path: string, timeoutMs = 60_000): Promise<ProbeResult & { mimeType: string }> {
  const type = await fileTypeFromFile(path);
  if (!type || !ACCEPTED_MIME.test(type.mime)) {
    throw new MediaError(
      'not_a_video',
      `This file is not a video (its content is ${type ? type.mime : 'text or an unknown format'}, whatever its name). Upload an MP4, WebM, MKV, MOV or AVI video.`,
    );
  }
  const probe = await probeVideo(path, timeoutMs);
  return { ...probe, mimeType: type.mime };
}
