import { spawn } from 'node:child_process';

/** A media failure with a stable code and a message a person can read (kept on the asset). */
export class MediaError extends Error {
  constructor(readonly code: string, message: string, readonly retryable = false) {
    super(message);
    this.name = 'MediaError';
  }
}

export interface RunOptions {
  /** Kill the whole process group past this many milliseconds. */
  timeoutMs: number;
  cwd?: string;
  /** Lines of stdout (ffmpeg's `-progress pipe:1` key=value lines). */
  onStdoutLine?: (line: string) => void;
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs ffmpeg/ffprobe without a shell, with no stdin, an empty environment (no proxy variables),
 * in its own process group (so a timeout kills it and anything it started), and a time limit.
 */
export function runTool(command: 'ffmpeg' | 'ffprobe', args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let killedFor: 'timeout' | 'abort' | null = null;
    const kill = (why: 'timeout' | 'abort') => {
      killedFor = why;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => kill('timeout'), options.timeoutMs);
    const onAbort = () => kill('abort');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!options.onStdoutLine) {
        if (stdout.length < 1_000_000) stdout += chunk;
        return;
      }
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        options.onStdoutLine(pending.slice(0, nl).trim());
        pending = pending.slice(nl + 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new MediaError('tool_missing', `${command} could not be started (${error.message}); install ffmpeg.`, false));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (killedFor === 'timeout') {
        reject(new MediaError('timeout', `${command} took longer than ${Math.round(options.timeoutMs / 1000)} s and was stopped.`, true));
      } else if (killedFor === 'abort') {
        reject(new MediaError('aborted', `${command} was stopped.`, true));
      } else if (code !== 0) {
        const last = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
        reject(new MediaError(`${command}_failed`, `${command} failed (exit ${code}): ${last || 'no message'}`, false));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** Sandbox arguments before every input: no stdin, local files only (no network, no other protocols). */
export const SANDBOX_ARGS = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-protocol_whitelist', 'file'];

export interface ProbeResult {
  formatName: string;
  durationSeconds: number;
  width: number;
  height: number;
  hasAudio: boolean;
  videoCodec: string;
}

/** Container formats accepted as video input (ffprobe format names); playlists and concat lists are not. */
const ACCEPTED_FORMATS = ['mov', 'mp4', 'm4a', '3gp', '3g2', 'mj2', 'matroska', 'webm', 'avi', 'mpegts', 'flv', 'mpeg', 'asf', 'ogg'];

/** ffprobe of a local file: a video stream with a size and a duration, or a MediaError. */
export async function probeVideo(path: string, timeoutMs = 60_000): Promise<ProbeResult> {
  let out: RunResult;
  try {
    out = await runTool('ffprobe', [
      ...SANDBOX_ARGS.filter((a) => a !== '-nostdin'),
      '-print_format', 'json', '-show_format', '-show_streams', `file:${path}`,
    ], { timeoutMs });
  } catch (error) {
    if (error instanceof MediaError && error.code === 'ffprobe_failed') {
      throw new MediaError('not_a_video', 'The file is not a video that can be read (ffprobe could not open it).');
    }
    throw error;
  }
  const data = JSON.parse(out.stdout || '{}') as {
    format?: { format_name?: string; duration?: string };
    streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; duration?: string; disposition?: { attached_pic?: number } }[];
  };
  const formatName = data.format?.format_name ?? '';
  if (!formatName.split(',').some((f) => ACCEPTED_FORMATS.includes(f))) {
    throw new MediaError('unsupported_format', `Video container "${formatName || 'unknown'}" is not accepted; upload an MP4, WebM, MKV, MOV or AVI file.`);
  }
  const video = (data.streams ?? []).find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && (s.width ?? 0) > 0);
  if (!video) throw new MediaError('no_video_stream', 'The file has no video stream.');
  const duration = Number(data.format?.duration ?? video.duration);
  if (!Number.isFinite(duration) || duration <= 0) throw new MediaError('no_duration', 'The video has no duration (it may be damaged or a still image).');
  return {
    formatName,
    durationSeconds: duration,
    width: video.width ?? 0,
    height: video.height ?? 0,
    hasAudio: (data.streams ?? []).some((s) => s.codec_type === 'audio'),
    videoCodec: video.codec_name ?? 'unknown',
  };
}
