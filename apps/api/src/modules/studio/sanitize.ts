import sanitizeHtml from 'sanitize-html';

/** Where images of lesson bodies may come from: files of this installation's media store only. */
export const MEDIA_FILE_PATH = /^\/api\/v1\/media\/files\/[0-9a-fA-F-]{36}\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.(?:png|jpe?g|webp|gif)$/;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'img', 'blockquote', 'code', 'pre',
    'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  // Contents of these are dropped with them (not shown as text).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title', 'head'],
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      // Only absolute http(s) and mailto links; anything else loses its href (the text stays).
      const kept: sanitizeHtml.Attributes = SAFE_LINK.test(href) ? { href, rel: 'noopener noreferrer' } : {};
      return { tagName, attribs: kept };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const src = (attribs.src ?? '').trim();
      const kept: sanitizeHtml.Attributes = MEDIA_FILE_PATH.test(src) ? { src, alt: attribs.alt ?? '' } : {};
      return { tagName, attribs: kept };
    },
  },
  // An image from anywhere else is removed altogether.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * The HTML of a lesson body as it is stored: an allowlist of text elements (no script, style,
 * event handler, form, frame, or javascript:/data: URL survives), links with rel=noopener, images
 * only from this installation's media files. Empty input gives an empty string.
 */
export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
