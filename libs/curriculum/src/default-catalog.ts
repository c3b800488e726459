import { createCatalog } from './catalog';
import type { Catalog } from './catalog';
import { CROSSWALK_VN_757_DIGCOMP } from './crosswalks/vn-757-2025--digcomp-2.2';
import { CROSSWALK_VN_MOET_DIGCOMP } from './crosswalks/vn-moet-learners-2025--digcomp-2.2';
import { DIGCOMP_2_2 } from './frameworks/digcomp-2.2';
import { VN_757_2025 } from './frameworks/vn-757-2025';
import { VN_MOET_LEARNERS_2025 } from './frameworks/vn-moet-learners-2025';
import { VN_757_2025_PROFILES } from './profiles/vn-757-2025';

/**
 * Every framework, crosswalk and profile of this package. Convenient for the API and the CLI;
 * a web page that needs one framework should build its own with `createCatalog` instead.
 */
export const defaultCatalog: Catalog = /*#__PURE__*/ createCatalog({
  frameworks: [VN_757_2025, DIGCOMP_2_2, VN_MOET_LEARNERS_2025],
  crosswalks: [CROSSWALK_VN_757_DIGCOMP, CROSSWALK_VN_MOET_DIGCOMP],
  profiles: VN_757_2025_PROFILES,
});
