/**
 * A lesson's text as slides for the projector: a new slide at every heading (h1–h4), and a long
 * section continued on the next slide at a block boundary, so that large type still fits on the
 * screen. Works on the lesson body as the API gives it (HTML sanitised by the studio) with a small
 * tag scanner, so it runs the same in the browser and in unit tests (no DOM needed).
 */
export interface TextSlide {
  /** The heading's text; null for what comes before the first heading. */
  title: string | null;
  /** Well-formed HTML: whole top-level elements of the body. */
  html: string;
  /** 1-based part of its section, and how many parts it has (a long section takes several slides). */
  part: number;
  parts: number;
}

interface Block {
  tag: string;
  html: string;
  text: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const HEADING = /^h[1-4]$/;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The visible text of an HTML fragment (tags dropped, common entities decoded, spaces folded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower in ENTITIES) return ENTITIES[lower]!;
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The top-level elements of a fragment (text between them becomes a paragraph of its own). */
export function topLevelBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let depth = 0;
  let start = 0;
  let openTag = '';
  const pushText = (from: number, to: number) => {
    const raw = html.slice(from, to);
    const text = textOf(raw);
    if (text) blocks.push({ tag: 'p', html: `<p>${raw.trim()}</p>`, text });
  };
  TAG.lastIndex = 0;
  let lastEnd = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [whole, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    const isVoid = VOID.has(name) || selfClosing === '/';
    if (depth === 0 && !closing) {
      pushText(lastEnd, match.index);
      start = match.index;
      openTag = name;
      if (isVoid) {
        const piece = html.slice(start, match.index + whole.length);
        if (name !== 'br') blocks.push({ tag: name, html: piece, text: textOf(piece) });
        lastEnd = match.index + whole.length;
        continue;
      }
      depth = 1;
      continue;
    }
    if (isVoid) continue;
    if (closing) {
      if (depth === 0) continue; // a stray closing tag
      depth -= 1;
      if (depth === 0) {
        const end = match.index + whole.length;
        const piece = html.slice(start, end);
        blocks.push({ tag: openTag, html: piece, text: textOf(piece) });
        lastEnd = end;
      }
    } else {
      depth += 1;
    }
  }
  if (depth > 0) {
    // An element left open: keep the rest as it is (the browser closes it).
    const piece = html.slice(start);
    blocks.push({ tag: openTag, html: piece, text: textOf(piece) });
  } else {
    pushText(lastEnd, html.length);
  }
  return blocks;
}

/**
 * Splits a lesson body into slides. `maxChars` is about what fits at projector size; a single
 * block longer than that stays whole (the slide scrolls rather than cutting a paragraph).
 */
export function splitIntoSlides(html: string, maxChars = 520): TextSlide[] {
  const sections: { title: string | null; blocks: Block[] }[] = [];
  for (const block of topLevelBlocks(html)) {
    if (HEADING.test(block.tag)) {
      sections.push({ title: block.text, blocks: [] });
      continue;
    }
    if (sections.length === 0) sections.push({ title: null, blocks: [] });
    sections.at(-1)!.blocks.push(block);
  }
  const slides: TextSlide[] = [];
  for (const section of sections) {
    const pages: Block[][] = [];
    let page: Block[] = [];
    let size = 0;
    for (const block of section.blocks) {
      const length = Math.max(block.text.length, block.tag === 'img' ? maxChars / 2 : 0);
      if (page.length > 0 && size + length > maxChars) {
        pages.push(page);
        page = [];
        size = 0;
      }
      page.push(block);
      size += length;
    }
    if (page.length > 0 || pages.length === 0) pages.push(page);
    // A heading with nothing under it is a slide of its own (a section title), unless it is empty.
    if (section.title === null && pages.length === 1 && pages[0]!.length === 0) continue;
    pages.forEach((blocks, i) => {
      slides.push({ title: section.title, html: blocks.map((b) => b.html).join(''), part: i + 1, parts: pages.length });
    });
  }
  return slides;
}
