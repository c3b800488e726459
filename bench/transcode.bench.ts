/**
 * Transcoding benchmark: a 60 s 720p test clip (ffmpeg testsrc2 + sine, 30 fps, made at start) to the
 * whole HLS ladder (144p, 240p, 360p, 720p, audio-only, poster) with the SAME function the
 * transcoding job runs (apps/api/src/modules/media/transcode.ts), then each rung alone.
 * Prints wall time and its ratio to the clip's duration (below 1: faster than real time).
 *
 *   npx tsx bench/transcode.bench.ts [--seconds=60] [--per-rung=false] [--preset=veryfast]
 *
 * Needs ffmpeg on PATH; no database or Redis.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LADDER, transcodeToHls } from '../apps/api/src/modules/media/transcode';

function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

async function main(): Promise<void> {
  const seconds = Number(flag('seconds', '60'));
  const perRung = flag('per-rung', 'true') !== 'false';
  const preset = flag('preset', 'veryfast');
  const dir = mkdtempSync(join(tmpdir(), 'hocso-transcode-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const clip = join(dir, 'clip-720p.mp4');
    const made = Date.now();
    execFileSync('ffmpeg', [
      '-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
      '-t', String(seconds), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', clip,
    ]);
    const ffmpegVersion = execFileSync('ffmpeg', ['-version']).toString().split('\n')[0];
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${ffmpegVersion}`);
    console.log(`clip: ${seconds} s 1280x720 30 fps H.264 + AAC, ${(statSync(clip).size / 1e6).toFixed(1)} MB (made in ${((Date.now() - made) / 1000).toFixed(1)} s); x264 preset ${preset}\n`);

    const rows: { what: string; wall: number }[] = [];
    const run = async (what: string, onlyHeights?: number[]) => {
      const out = join(dir, `out-${what}`);
      const started = process.hrtime.bigint();
      const result = await transcodeToHls(clip, out, { timeoutMs: 3_600_000, onlyHeights, preset });
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      rows.push({ what: `${what} (${result.renditions.map((r) => `${r.height}p`).join(', ')}${result.audioPlaylist && !onlyHeights ? ', audio' : ''})`, wall });
      rmSync(out, { recursive: true, force: true });
    };
    await run('ladder');
    if (perRung) for (const rung of LADDER) await run(`${rung.height}p`, [rung.height]);

    const width = Math.max(...rows.map((r) => r.what.length));
    console.log(`${'what'.padEnd(width)}  wall s  × clip duration`);
    for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.wall.toFixed(1).padStart(6)}  ${(r.wall / seconds).toFixed(2).padStart(6)}`);
    console.log('\nRuns with one rung also make the audio-only rendition and the poster when the clip has audio.');
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
