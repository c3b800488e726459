import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One title card of a demo video: its text in the course's language and in English (captions). */
export interface DemoCard {
  vi: string;
  en: string;
}

export const CARD_SECONDS = 5;
const WIDTH = 426;
const HEIGHT = 240;
const FONT_SIZE = 20;
const LINE_HEIGHT = 30;
const MAX_LINE = 30;

/**
 * A font that has every Vietnamese letter: DejaVu Sans from the npm package `dejavu-fonts-ttf`
 * (a dependency, so it is there on a fresh machine), else the system's copy.
 */
export function demoFontPath(): string {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf'));
  } catch {
    // not installed: try the system's fonts
  }
  candidates.push('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf');
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No font with Vietnamese letters: install the npm package dejavu-fonts-ttf or fonts-dejavu-core');
  return found;
}

/** Breaks a card's text into lines of at most MAX_LINE characters, at spaces. */
export function wrapLines(text: string, max = MAX_LINE): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

function timestamp(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `00:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000`;
}

/** WebVTT captions matching the cards (one cue per card, in the given language). */
export function demoCaptions(cards: DemoCard[], language: 'vi' | 'en'): string {
  const cues = cards.map((card, i) => `${i + 1}\n${timestamp(i * CARD_SECONDS)} --> ${timestamp((i + 1) * CARD_SECONDS)}\n${wrapLines(card[language], 42).join('\n')}`);
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/**
 * Makes the short video of a demo lesson with ffmpeg: one card per text (white on blue, DejaVu
 * Sans, so Vietnamese letters show), a quiet tone as its sound track, 426×240 at 15 fps, H.264/AAC.
 * A few tens of kilobytes; the media queue then transcodes it like any upload.
 */
export async function renderDemoVideo(cards: DemoCard[], dir: string, timeoutMs = 60_000): Promise<string> {
  const font = demoFontPath();
  const duration = cards.length * CARD_SECONDS;
  const filters: string[] = [];
  for (const [c, card] of cards.entries()) {
    const lines = wrapLines(card.vi);
    const top = Math.round((HEIGHT - lines.length * LINE_HEIGHT) / 2);
    for (const [l, line] of lines.entries()) {
      // Text through a file: no escaping of the card's words in the filter graph.
      const textFile = join(dir, `card-${c}-${l}.txt`);
      await writeFile(textFile, line);
      filters.push(
        `drawtext=fontfile=${font}:textfile=${textFile}:fontsize=${FONT_SIZE}:fontcolor=white:x=(w-text_w)/2:y=${top + l * LINE_HEIGHT}` +
          `:enable='between(t,${c * CARD_SECONDS},${(c + 1) * CARD_SECONDS})'`,
      );
    }
  }
  const output = join(dir, 'demo.mp4');
  const args = [
    '-nostdin', '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=0x1d4ed8:s=${WIDTH}x${HEIGHT}:r=15:d=${duration}`,
    '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=22050:duration=${duration}`,
    '-filter_complex', `[0:v]${filters.join(',')}[v];[1:a]volume=0.03[a]`,
    '-map', '[v]', '-map', '[a]',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '48k', '-movflags', '+faststart', '-shortest', output,
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg could not make the demo video (exit ${code}): ${stderr.trim()}`));
    });
  });
  return output;
}
