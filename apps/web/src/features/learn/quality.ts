import type { MediaInfo } from './api';

/** Playback speeds offered. */
export const SPEEDS = [0.75, 1, 1.25, 1.5] as const;

/** 'auto', 'saver' (the lowest rendition), a height in pixels ('360'), or 'audio' (the audio-only rendition). */
export type Quality = 'auto' | 'saver' | 'audio' | `${number}`;

const STORAGE_KEY = 'hocso.quality';

export function qualityChoices(media: Pick<MediaInfo, 'renditions' | 'audioUrl'>): Quality[] {
  const heights = [...new Set((media.renditions ?? []).map((r) => r.height))].sort((a, b) => a - b);
  const choices: Quality[] = ['auto', 'saver', ...heights.map((h) => `${h}` as Quality)];
  if (media.audioUrl) choices.push('audio');
  return choices;
}

interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/** A slow or metered connection (Data Saver on, or 2G/3G as the browser measures it). */
export function onSlowConnection(connection: NetworkInformationLike | undefined = (globalThis.navigator as { connection?: NetworkInformationLike } | undefined)?.connection): boolean {
  if (!connection) return false;
  return connection.saveData === true || ['slow-2g', '2g', '3g'].includes(connection.effectiveType ?? '');
}

/** The learner's last choice on this device, else data saver on slow connections, else automatic. */
export function defaultQuality(choices: readonly Quality[], connection?: NetworkInformationLike): Quality {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY) as Quality | null;
    if (stored && choices.includes(stored)) return stored;
  } catch {
    // storage disabled
  }
  const slow = connection ? onSlowConnection(connection) : onSlowConnection();
  return slow ? 'saver' : 'auto';
}

export function rememberQuality(quality: Quality): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, quality);
  } catch {
    // not kept; the choice holds for this lesson
  }
}
