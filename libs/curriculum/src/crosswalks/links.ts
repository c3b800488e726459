import type { CompetencyRef, CrosswalkLink, CrosswalkRelation } from '../types';

/** Links between equally-coded competencies of two frameworks: `sameCodes('a', 'b', ['1.1'], 'close')`. */
export function sameCodes(
  from: string,
  to: string,
  codes: readonly string[],
  relation: CrosswalkRelation,
): CrosswalkLink[] {
  return codes.map((code) => ({
    from: `${from}:${code}` as CompetencyRef,
    to: `${to}:${code}` as CompetencyRef,
    relation,
  }));
}

/** The 21 competence codes of DigComp 2.2 (and of the frameworks that follow its numbering). */
export const DIGCOMP_CODES: readonly string[] = [
  '1.1', '1.2', '1.3',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6',
  '3.1', '3.2', '3.3', '3.4',
  '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.2', '5.3', '5.4',
];
