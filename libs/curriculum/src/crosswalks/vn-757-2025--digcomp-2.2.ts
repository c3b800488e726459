import type { Crosswalk } from '../types';
import { DIGCOMP_CODES, sameCodes } from './links';

/**
 * National basic digital-skills framework (757/QĐ-BKHCN) ↔ DigComp 2.2.
 * Groups 1–5 of the national framework follow DigComp numbering, so codes 1.1–5.4 link
 * one-to-one as `close`. Group 0 (device and software use) has no DigComp 2.2 equivalent.
 */
export const CROSSWALK_VN_757_DIGCOMP: Crosswalk = {
  id: 'vn-757-2025~digcomp-2.2',
  version: '1.0.0',
  from: { id: 'vn-757-2025', version: '1.0.0' },
  to: { id: 'digcomp-2.2', version: '2.2.0' },
  levels: {
    // national L1 → DigComp 1, L2 → 2, L3 → 3
    forward: [1, 2, 3],
    // DigComp 1 → L1, 2 → L2, 3 and above → L3
    backward: [1, 2, 3, 3, 3, 3, 3, 3],
  },
  links: /*#__PURE__*/ sameCodes('vn-757-2025', 'digcomp-2.2', DIGCOMP_CODES, 'close'),
  verification: 'provisional',
  notes: [
    'Codes 1.1–1.3 are verified in both frameworks; 2.1–5.4 of the national framework are provisional (see its notes), so their links are too.',
    '0.1 and 0.2 (using devices and software) have no equivalent in DigComp 2.2, which assumes device operation; the UNESCO Digital Literacy Global Framework adds it as its area 0.',
    'Level correspondence is the platform\'s: national L1 "Làm quen" ≈ Foundation 1 (with guidance), L2 "Tự thực hiện" ≈ Foundation 2 (autonomy), L3 "Thành thạo" ≈ Intermediate 3. It is conservative: a round trip never raises a level.',
  ],
};
