/** A slide of the presenter view: a heading and the sanitised HTML under it. */
export interface Slide {
  title: string;
  html: string;
}

const HEADING = /<h([23])(?:\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi;

/**
 * Splits a lesson body (HTML already sanitised by the studio's allowlist) into slides at each `<h2>`
 * and `<h3>`: the heading's text becomes the slide title, what follows up to the next heading its
 * content. What comes before the first heading is a first slide titled with the lesson title (left
 * out when empty and other slides exist). Splitting only at headings never cuts an element in two,
 * since the allowlist never nests headings inside other elements.
 */
export function splitIntoSlides(lessonTitle: string, body: string | null): Slide[] {
  const html = body ?? '';
  const slides: Slide[] = [];
  let last = 0;
  let title = lessonTitle;
  for (const match of html.matchAll(HEADING)) {
    const before = html.slice(last, match.index).trim();
    if (before || slides.length > 0 || title !== lessonTitle) slides.push({ title, html: before });
    title = textOf(match[2] ?? '') || lessonTitle;
    last = (match.index ?? 0) + match[0].length;
  }
  slides.push({ title, html: html.slice(last).trim() });
  return slides;
}

/** The text of an HTML fragment: tags removed, the entities sanitize-html writes decoded, spaces folded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
