/**
 * Accent-insensitive search without a PostgreSQL extension: the same folding in JavaScript (for the
 * search words) and in SQL with `translate(text, FOLD_FROM, FOLD_TO)` (for the course texts).
 * Folding: Vietnamese (and other Latin) letters with diacritics → their base letter, đ → d, lower case.
 */
function buildFoldTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x41, 0x5a], // A–Z
    [0xc0, 0x24f], // Latin-1 Supplement, Latin Extended-A and -B (Ơ ơ Ư ư)
    [0x1e00, 0x1eff], // Latin Extended Additional (ạ ả ấ ầ ẩ ẫ ậ …)
  ];
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code++) {
      const ch = String.fromCodePoint(code);
      const folded = foldChar(ch);
      if (folded !== ch && /^[a-z]$/.test(folded)) {
        from += ch;
        to += folded;
      }
    }
  }
  return { from, to };
}

function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const TABLE = buildFoldTable();
/** Characters replaced by `translate()` (argument 2), and their replacements (argument 3). */
export const FOLD_FROM = TABLE.from;
export const FOLD_TO = TABLE.to;

/** Lower case, without diacritics: "An toàn Đường" → "an toan duong". */
export function foldText(text: string): string {
  return text.normalize('NFC').replace(/./gsu, (ch) => (FOLD_FROM.includes(ch) ? foldChar(ch) : ch.toLowerCase()));
}

/** Search words of a query, folded (at most 8, each at most 40 characters). */
export function searchWords(query: string | undefined): string[] {
  if (!query) return [];
  return foldText(query)
    .split(/[\s,.;:!?"'()[\]{}]+/u)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => w.slice(0, 40));
}
