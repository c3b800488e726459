import { useSyncExternalStore } from 'react';

/**
 * Display preferences (font size, contrast, motion), applied to every page as attributes of `<html>`
 * that styles.css turns into custom properties:
 *
 *   <html data-font-size="large" data-contrast="high" data-reduced-motion="true">
 *
 * They are kept on this device (localStorage) so that they apply before the API answers — main.tsx
 * applies them before the first render, so there is no flash — and for visitors who are not signed
 * in. A signed-in user's saved preferences (from `GET /api/v1/auth/me`) are adopted over them. The
 * UI language is a preference too, but i18n keeps it (see i18n/index.ts).
 */
export const FONT_SIZES = ['normal', 'large', 'x-large'] as const;
export type FontSize = (typeof FONT_SIZES)[number];
export const CONTRASTS = ['normal', 'high'] as const;
export type Contrast = (typeof CONTRASTS)[number];

export interface DisplayPreferences {
  fontSize: FontSize;
  contrast: Contrast;
  reducedMotion: boolean;
}

export const DEFAULT_DISPLAY_PREFERENCES: DisplayPreferences = { fontSize: 'normal', contrast: 'normal', reducedMotion: false };

const STORAGE_KEY = 'hocso.display';

const isFontSize = (value: unknown): value is FontSize => (FONT_SIZES as readonly unknown[]).includes(value);
const isContrast = (value: unknown): value is Contrast => (CONTRASTS as readonly unknown[]).includes(value);

/** Keeps the known, well-typed fields of `input` (from storage or the API) over `base`. */
export function mergeDisplayPreferences(base: DisplayPreferences, input: unknown): DisplayPreferences {
  if (typeof input !== 'object' || input === null) return base;
  const v = input as Record<string, unknown>;
  return {
    fontSize: isFontSize(v.fontSize) ? v.fontSize : base.fontSize,
    contrast: isContrast(v.contrast) ? v.contrast : base.contrast,
    reducedMotion: typeof v.reducedMotion === 'boolean' ? v.reducedMotion : base.reducedMotion,
  };
}

function readStored(): DisplayPreferences {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? mergeDisplayPreferences(DEFAULT_DISPLAY_PREFERENCES, JSON.parse(raw)) : DEFAULT_DISPLAY_PREFERENCES;
  } catch {
    return DEFAULT_DISPLAY_PREFERENCES; // storage disabled, or a damaged value
  }
}

function store(preferences: DisplayPreferences): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // not persisted; the choice still holds for this visit
  }
}

/** Sets the `<html>` attributes that styles.css reads. */
export function applyDisplayPreferences(preferences: DisplayPreferences, root: HTMLElement = document.documentElement): void {
  root.dataset.fontSize = preferences.fontSize;
  root.dataset.contrast = preferences.contrast;
  root.dataset.reducedMotion = String(preferences.reducedMotion);
}

// A tiny store, so that every component showing a preference follows its changes.
let current: DisplayPreferences = DEFAULT_DISPLAY_PREFERENCES;
const listeners = new Set<() => void>();

/** Reads the stored preferences and applies them; called by main.tsx before the first render. */
export function initDisplayPreferences(): DisplayPreferences {
  current = readStored();
  applyDisplayPreferences(current);
  return current;
}

export function getDisplayPreferences(): DisplayPreferences {
  return current;
}

/** Changes, applies and remembers (on this device) some display preferences. */
export function setDisplayPreferences(patch: Partial<DisplayPreferences>): DisplayPreferences {
  const next = mergeDisplayPreferences(current, patch);
  if (next.fontSize === current.fontSize && next.contrast === current.contrast && next.reducedMotion === current.reducedMotion) return current;
  current = next;
  applyDisplayPreferences(current);
  store(current);
  listeners.forEach((listener) => listener());
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDisplayPreferences(): DisplayPreferences {
  return useSyncExternalStore(subscribe, getDisplayPreferences, getDisplayPreferences);
}
