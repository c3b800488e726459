import type { Crosswalk } from '../types';
import { DIGCOMP_CODES, sameCodes } from './links';

/**
 * MOET learners' framework (Circular 02/2025/TT-BGDĐT) ↔ DigComp 2.2.
 * Domains 1–5 adapt DigComp 2.2 component by component (`close`); domain 6 (AI application)
 * has no DigComp 2.2 equivalent.
 */
export const CROSSWALK_VN_MOET_DIGCOMP: Crosswalk = {
  id: 'vn-moet-learners-2025~digcomp-2.2',
  version: '1.0.0',
  from: { id: 'vn-moet-learners-2025', version: '1.0.0' },
  to: { id: 'digcomp-2.2', version: '2.2.0' },
  levels: {
    forward: [1, 2, 3, 4, 5, 6, 7, 8],
    backward: [1, 2, 3, 4, 5, 6, 7, 8],
  },
  links: /*#__PURE__*/ sameCodes('vn-moet-learners-2025', 'digcomp-2.2', DIGCOMP_CODES, 'close'),
  verification: 'provisional',
  notes: [
    'The Circular\'s domains 1–5 and its 8 levels in 4 stages mirror DigComp 2.2; component names other than those marked secondary in the framework are not verified, hence `provisional`.',
    'Domain 6 (6.1–6.3, AI application) has no DigComp 2.2 equivalent: DigComp 2.2 spreads AI examples over existing competences instead of defining AI competences.',
    'Levels correspond one to one by rank. The MOET levels are tied to school grades, DigComp\'s to task complexity and autonomy: treat the correspondence as approximate.',
  ],
};
