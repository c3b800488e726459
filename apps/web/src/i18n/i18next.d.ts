// Typed translation keys: `t('catalog.title')` is checked against the Vietnamese catalogues,
// which are the source of truth (every other language must have the same keys; see locales.spec.ts).
// The main catalogue and the parts loaded with their areas' pages share one namespace.
import 'i18next';
import type accountVi from './locales/account.vi.json';
import type adminVi from './locales/admin.vi.json';
import type learnVi from './locales/learn.vi.json';
import type assessmentVi from './locales/assessment.vi.json';
import type vi from './locales/vi.json';
import type certificatesVi from './locales/certificates.vi.json';
import type studioVi from './locales/studio.vi.json';
import type archivesVi from './locales/archives.vi.json';
import type xapiVi from './locales/xapi.vi.json';
import type communityVi from './locales/community.vi.json';
import type reportsVi from './locales/reports.vi.json';
import type mentoringVi from './locales/mentoring.vi.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi & typeof accountVi & typeof adminVi & typeof learnVi & typeof assessmentVi & typeof certificatesVi & typeof archivesVi & typeof studioVi & typeof xapiVi & typeof reportsVi & typeof communityVi & typeof mentoringVi };
  }
}
