import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MediaError, probeVideo, runTool, SANDBOX_ARGS, type ProbeResult } from './ffmpeg';
import type { MediaRendition } from './media-asset.entity';

/** The ladder for slow networks: never above the source's height, at least one rung. */
export const LADDER = [
  { height: 144, videoBitrate: 110_000, audioBitrate: 48_000 },
  { height: 240, videoBitrate: 250_000, audioBitrate: 48_000 },
  { height: 360, videoBitrate: 500_000, audioBitrate: 64_000 },
  { height: 720, videoBitrate: 1_500_000, audioBitrate: 96_000 },
] as const;
export const AUDIO_ONLY_BITRATE = 48_000;
const SEGMENT_SECONDS = 4;

export interface Rung {
  height: number;
  width: number;
  videoBitrate: number;
  audioBitrate: number;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** The rungs for a source of this size (only heights ≤ the source's; a tiny source keeps one rung at its own size). */
export function ladderFor(sourceWidth: number, sourceHeight: number, only?: readonly number[]): Rung[] {
  const widthFor = (h: number) => even((sourceWidth * h) / sourceHeight);
  let rungs: Rung[] = LADDER.filter((r) => r.height <= sourceHeight).map((r) => ({ ...r, width: widthFor(r.height) }));
  if (rungs.length === 0) rungs = [{ ...LADDER[0], height: even(sourceHeight), width: even(sourceWidth) }];
  if (only) rungs = rungs.filter((r) => only.includes(r.height));
  return rungs;
}

export interface TranscodeOptions {
  /** Kill ffmpeg (its process group) past this. */
  timeoutMs: number;
  /** 0-100 while encoding. */
  onProgress?: (percent: number) => void;
  /** Encode only these heights (benchmarks). */
  onlyHeights?: readonly number[];
  /** x264 preset (default veryfast). */
  preset?: string;
  signal?: AbortSignal;
  probe?: ProbeResult;
}

export interface TranscodeResult {
  durationSeconds: number;
  width: number;
  height: number;
  hasAudio: boolean;
  renditions: MediaRendition[];
  /** Paths relative to the output folder. */
  master: string;
  audioPlaylist: string | null;
  poster: string;
  files: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * Transcodes a local video file into an HLS ladder (H.264 + AAC), an audio-only rendition, a master
 * playlist and a poster, written into `outDir` (which should be new and empty). ffmpeg reads only
 * the local input (`-protocol_whitelist file`, no stdin, no shell) under a time limit.
 * The same function runs in the transcoding job and in bench/transcode.bench.ts.
 */
export async function transcodeToHls(inputPath: string, outDir: string, options: TranscodeOptions): Promise<TranscodeResult> {
  const started = Date.now();
  const remaining = () => Math.max(1000, options.timeoutMs - (Date.now() - started));
  const probe = options.probe ?? (await probeVideo(inputPath, Math.min(60_000, options.timeoutMs)));
  const rungs = ladderFor(probe.width, probe.height, options.onlyHeights);
  if (rungs.length === 0) throw new MediaError('no_rungs', 'No rendition to make for this video.');
  await mkdir(outDir, { recursive: true });
  const names = rungs.map((r) => `${r.height}p`);
  for (const name of names) await mkdir(join(outDir, name), { recursive: true });
  if (probe.hasAudio) await mkdir(join(outDir, 'audio'), { recursive: true });

  const preset = options.preset ?? 'veryfast';
  const split = `[0:v]split=${rungs.length}${rungs.map((_, i) => `[s${i}]`).join('')}`;
  const scales = rungs.map((r, i) => `[s${i}]scale=${r.width}:${r.height},setsar=1,format=yuv420p[v${i}]`);
  const hls = (dir: string) => [
    '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
    '-hls_segment_type', 'mpegts', '-hls_segment_filename', `${dir}/seg_%04d.ts`, `${dir}/index.m3u8`,
  ];
  const args = [
    ...SANDBOX_ARGS, '-y', '-i', `file:${inputPath}`,
    '-filter_complex', [split, ...scales].join(';'),
  ];
  rungs.forEach((r, i) => {
    args.push(
      '-map', `[v${i}]`, '-c:v', 'libx264', '-preset', preset, '-profile:v', 'main', '-level:v', '3.1',
      '-b:v', String(r.videoBitrate), '-maxrate', String(Math.round(r.videoBitrate * 1.1)), '-bufsize', String(r.videoBitrate * 2),
      '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0',
    );
    if (probe.hasAudio) args.push('-map', '0:a:0', '-c:a', 'aac', '-b:a', String(r.audioBitrate), '-ac', '2', '-ar', '44100');
    args.push(...hls(names[i]));
  });
  if (probe.hasAudio) {
    args.push('-map', '0:a:0', '-vn', '-c:a', 'aac', '-b:a', String(AUDIO_ONLY_BITRATE), '-ac', '1', '-ar', '44100', ...hls('audio'));
  }
  args.push('-progress', 'pipe:1', '-nostats');

  let lastPercent = -1;
  await runTool('ffmpeg', args, {
    cwd: outDir,
    timeoutMs: remaining(),
    signal: options.signal,
    onStdoutLine: (line) => {
      const m = /^out_time_(?:us|ms)=(\d+)$/.exec(line);
      if (!m || !options.onProgress) return;
      const percent = Math.min(99, Math.floor((Number(m[1]) / 1e6 / probe.durationSeconds) * 100));
      if (percent > lastPercent) {
        lastPercent = percent;
        options.onProgress(percent);
      }
    },
  });

  // Poster: a frame a little into the video (the first is often black), at most 720 lines high.
  const posterRung = rungs[rungs.length - 1];
  const at = Math.min(1, probe.durationSeconds / 3).toFixed(2);
  await runTool('ffmpeg', [
    ...SANDBOX_ARGS, '-y', '-ss', at, '-i', `file:${inputPath}`, '-frames:v', '1',
    '-vf', `scale=${posterRung.width}:${posterRung.height},setsar=1`, '-q:v', '4', 'poster.jpg',
  ], { cwd: outDir, timeoutMs: remaining(), signal: options.signal });

  const renditions: MediaRendition[] = rungs.map((r, i) => ({
    height: r.height,
    width: r.width,
    bandwidth: Math.round(r.videoBitrate * 1.1) + (probe.hasAudio ? r.audioBitrate : 0),
    playlist: `${names[i]}/index.m3u8`,
  }));
  const codecs = probe.hasAudio ? 'avc1.4d401f,mp4a.40.2' : 'avc1.4d401f';
  const master = [
    '#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS',
    ...renditions.flatMap((r) => [`#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},RESOLUTION=${r.width}x${r.height},CODECS="${codecs}"`, r.playlist]),
    '',
  ].join('\n');
  await writeFile(join(outDir, 'master.m3u8'), master);
  options.onProgress?.(100);
  return {
    durationSeconds: probe.durationSeconds,
    width: probe.width,
    height: probe.height,
    hasAudio: probe.hasAudio,
    renditions,
    master: 'master.m3u8',
    audioPlaylist: probe.hasAudio ? 'audio/index.m3u8' : null,
    poster: 'poster.jpg',
    files: await listFiles(outDir),
  };
}
