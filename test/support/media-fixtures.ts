import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder of this test file's own under the system temp dir. */
export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `hocso-${name}-`));
}

export interface ClipOptions {
  width: number;
  height: number;
  seconds: number;
  audio?: boolean;
  /** Container extension: mp4 (default), webm, mkv… */
  ext?: string;
}

/**
 * Makes a small test video with ffmpeg (testsrc2 pattern + a sine tone), so no binary is committed.
 * Fast settings: ultrafast x264, 15 fps.
 */
export function makeClip(dir: string, options: ClipOptions): string {
  const { width, height, seconds, audio = true, ext = 'mp4' } = options;
  const path = join(dir, `clip-${width}x${height}-${seconds}s${audio ? '' : '-silent'}.${ext}`);
  const args = ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=15`];
  if (audio) args.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100');
  args.push('-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac', '-b:a', '64k');
  args.push('-shortest', path);
  execFileSync('ffmpeg', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return path;
}

/** An HTML page saved under a video's name (the "renamed file" case of the content check). */
export function makeRenamedHtml(dir: string): string {
  const path = join(dir, 'lecture.mp4');
  writeFileSync(path, `<!DOCTYPE html><html><head><title>x</title></head><body>${'<p>not a video</p>'.repeat(200)}<script>alert(1)</script></body></html>`);
  return path;
}

/** A valid WebVTT file for a clip of at least 2 seconds. */
export const VALID_VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nXin chào\n\n00:00:01.000 --> 00:00:02.000\nChào mừng bạn\n';
