import type { AnswerKey, ItemKind } from './entities';

/**
 * Pure grading of one item: a score in 0..1, whether it is right, or that a person must grade it.
 * Every item is worth one point; choices, ordering and matching are all-or-nothing.
 */
export interface ItemGrade {
  score: number;
  correct: boolean | null;
  needsReview: boolean;
}

/** What a learner sent for an item (one field is used, by kind). */
export interface ItemResponse {
  optionIds?: string[];
  booleanValue?: boolean;
  order?: string[];
  pairs?: { optionId: string; targetId: string }[];
  text?: string;
  numberValue?: number;
}

const RIGHT: ItemGrade = { score: 1, correct: true, needsReview: false };
const WRONG: ItemGrade = { score: 0, correct: false, needsReview: false };
const verdict = (ok: boolean): ItemGrade => (ok ? RIGHT : WRONG);

/** Lower case (unless asked), collapsed whitespace, NFC. */
export function normaliseText(value: string, options: { accentInsensitive?: boolean; caseSensitive?: boolean } = {}): string {
  let text = value.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!options.caseSensitive) text = text.toLocaleLowerCase('vi');
  if (options.accentInsensitive) text = stripVietnameseAccents(text);
  return text;
}

/** "Hà Nội" → "Ha Noi", "đường" → "duong": NFD, combining marks removed, đ/Đ → d/D. */
export function stripVietnameseAccents(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x)) && a.length === sa.size;
}

export function gradeItem(kind: ItemKind, key: AnswerKey, response: ItemResponse | null | undefined): ItemGrade {
  if (kind === 'free_text') {
    const text = response?.text?.trim() ?? '';
    // an empty answer needs no reader: it scores nothing
    return text ? { score: 0, correct: null, needsReview: true } : WRONG;
  }
  if (!response) return WRONG;
  switch (kind) {
    case 'single_choice':
      return verdict(response.optionIds?.length === 1 && (key.correctOptionIds ?? []).includes(response.optionIds[0]!));
    case 'multiple_choice':
      return verdict(Array.isArray(response.optionIds) && sameSet(response.optionIds, key.correctOptionIds ?? []));
    case 'true_false':
      return verdict(typeof response.booleanValue === 'boolean' && response.booleanValue === key.correctBoolean);
    case 'ordering': {
      const order = key.order ?? [];
      const given = response.order ?? [];
      return verdict(order.length > 0 && given.length === order.length && order.every((id, i) => given[i] === id));
    }
    case 'matching': {
      const pairs = key.pairs ?? {};
      const expected = Object.keys(pairs);
      const given = new Map<string, string>();
      for (const p of response.pairs ?? []) given.set(p.optionId, p.targetId);
      return verdict(expected.length > 0 && given.size === expected.length && expected.every((id) => given.get(id) === pairs[id]));
    }
    case 'short_text': {
      if (typeof response.text !== 'string') return WRONG;
      const opts = { accentInsensitive: key.accentInsensitive, caseSensitive: key.caseSensitive };
      const given = normaliseText(response.text, opts);
      return verdict(given.length > 0 && (key.acceptedAnswers ?? []).some((a) => normaliseText(a, opts) === given));
    }
    case 'numeric': {
      const value = response.numberValue;
      if (typeof value !== 'number' || !Number.isFinite(value) || typeof key.numericValue !== 'number') return WRONG;
      const tolerance = Math.abs(key.tolerance ?? 0);
      // a relative epsilon so 0.1 + 0.2 counts as 0.3 with a zero tolerance
      return verdict(Math.abs(value - key.numericValue) <= tolerance + 1e-9 * Math.max(1, Math.abs(key.numericValue)));
    }
    default:
      return WRONG;
  }
}

/** Fisher–Yates with an injectable random source (tests pass a seeded one). */
export function shuffle<T>(values: readonly T[], random: () => number = Math.random): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
