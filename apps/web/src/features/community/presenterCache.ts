import type { Presentation } from './api';
import { BUNDLES, communityDb } from './outbox';

/**
 * The presentations loaded ahead, kept in IndexedDB: if the projector's page needs one again while
 * the network is down (a re-render after an error, a language switch), it is still there.
 */
const key = (classId: string, sessionId: string, lang: string) => `${classId}/${sessionId}/${lang}`;

export async function savePresentation(classId: string, sessionId: string, lang: string, presentation: Presentation): Promise<void> {
  try {
    await (await communityDb()).put(BUNDLES, { savedAt: Date.now(), presentation }, key(classId, sessionId, lang));
  } catch {
    // no IndexedDB (private mode): the in-memory copy still holds for this visit
  }
}

export async function loadPresentation(classId: string, sessionId: string, lang: string): Promise<Presentation | undefined> {
  try {
    const stored = (await (await communityDb()).get(BUNDLES, key(classId, sessionId, lang))) as { presentation: Presentation } | undefined;
    return stored?.presentation;
  } catch {
    return undefined;
  }
}

/** Fetches images of the slides now, so they show when the network is gone. */
export function preloadImages(htmls: string[]): void {
  const sources = new Set<string>();
  for (const html of htmls) for (const match of html.matchAll(/<img\b[^>]*?\bsrc="([^"]+)"/gi)) sources.add(match[1]!);
  sources.forEach((src) => {
    const image = new Image();
    image.src = src;
  });
}
