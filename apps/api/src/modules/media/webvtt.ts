/** A parsed WebVTT cue. */
export interface VttCue {
  line: number;
  start: number;
  end: number;
  text: string;
}

export interface VttProblem {
  /** 1-based line of the file. */
  line: number;
  message: string;
}

export interface VttResult {
  cues: VttCue[];
  errors: VttProblem[];
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/** Seconds of a WebVTT timestamp (`hh:mm:ss.ttt` or `mm:ss.ttt`), or null. */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

function format(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = (seconds % 60).toFixed(3).padStart(6, '0');
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s}`;
}

/**
 * Validates a WebVTT file (the parts that matter for captions): the `WEBVTT` header, cue timings
 * (`start --> end [settings]`), end after start, cues in order and, when the video's duration is
 * known, within it. Every problem names its line, so an author can fix the file.
 */
export function parseWebVtt(source: string, durationSeconds?: number | null): VttResult {
  const errors: VttProblem[] = [];
  const cues: VttCue[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    errors.push({ line: 1, message: 'The file must start with the line "WEBVTT".' });
    return { cues, errors };
  }
  if (lines.some((l) => l.includes('\u0000'))) {
    errors.push({ line: lines.findIndex((l) => l.includes('\u0000')) + 1, message: 'The file contains a NUL character.' });
  }
  let i = 1;
  // Header lines up to the first blank line.
  while (i < lines.length && lines[i].trim() !== '') {
    if (lines[i].includes('-->')) {
      errors.push({ line: i + 1, message: 'A blank line is needed between the "WEBVTT" header and the first cue.' });
    }
    i++;
  }
  let previousStart = -1;
  const tolerance = 0.5;
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    const first = block[0];
    if (/^NOTE(?:[ \t]|$)/.test(first)) continue;
    if ((first === 'STYLE' || first === 'REGION') && cues.length === 0) continue;
    let timingIndex = 0;
    if (!first.includes('-->')) {
      if (block.length < 2 || !block[1].includes('-->')) {
        errors.push({ line: blockStart + 1, message: `Expected a cue timing line like "00:00:01.000 --> 00:00:04.000", found "${first.slice(0, 60)}".` });
        continue;
      }
      timingIndex = 1;
    }
    const lineNo = blockStart + timingIndex + 1;
    const timing = block[timingIndex].trim();
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/.exec(timing);
    if (!m) {
      errors.push({ line: lineNo, message: 'The cue timing must be "start --> end", separated by spaces.' });
      continue;
    }
    const start = parseTimestamp(m[1]);
    const end = parseTimestamp(m[2]);
    if (start === null) errors.push({ line: lineNo, message: `"${m[1]}" is not a valid start time (use hh:mm:ss.ttt or mm:ss.ttt).` });
    if (end === null) errors.push({ line: lineNo, message: `"${m[2]}" is not a valid end time (use hh:mm:ss.ttt or mm:ss.ttt).` });
    if (start === null || end === null) continue;
    let ok = true;
    if (end <= start) {
      errors.push({ line: lineNo, message: `The cue ends (${m[2]}) before or when it starts (${m[1]}).` });
      ok = false;
    }
    if (start < previousStart) {
      errors.push({ line: lineNo, message: 'Cues must be in order of their start time.' });
      ok = false;
    }
    if (durationSeconds != null && end > durationSeconds + tolerance) {
      errors.push({ line: lineNo, message: `The cue ends at ${m[2]}, after the end of the video (${format(durationSeconds)}).` });
      ok = false;
    }
    const payload = block.slice(timingIndex + 1);
    payload.forEach((text, k) => {
      if (text.includes('-->')) {
        errors.push({ line: lineNo + 1 + k, message: 'A cue text line cannot contain "-->" (is a blank line missing before the next cue?).' });
        ok = false;
      }
    });
    previousStart = Math.max(previousStart, start);
    if (ok) cues.push({ line: lineNo, start, end, text: payload.join('\n') });
  }
  if (cues.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'The file has no cues.' });
  return { cues, errors };
}
