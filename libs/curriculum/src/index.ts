// @hocso/curriculum — digital-competence frameworks as versioned data, and the pure functions
// that reason over them. No I/O, no runtime dependencies; every export is a named, side-effect
// free binding so bundlers keep only what a page uses.

export type * from './types';

export { competencyRef, isCompetencyRef, parseRef, frameworkIdOf, codeOf, compareCodes, compareVersions } from './refs';
export { MESSAGE_TEMPLATES, formatTemplate, message } from './messages';

// data
export { VN_757_2025 } from './frameworks/vn-757-2025';
export { DIGCOMP_2_2 } from './frameworks/digcomp-2.2';
export { VN_MOET_LEARNERS_2025 } from './frameworks/vn-moet-learners-2025';
export { CROSSWALK_VN_757_DIGCOMP } from './crosswalks/vn-757-2025--digcomp-2.2';
export { CROSSWALK_VN_MOET_DIGCOMP } from './crosswalks/vn-moet-learners-2025--digcomp-2.2';
export { PROFILE_CITIZENS, PROFILE_OFFICIALS, PROFILE_STUDENTS, PROFILE_WORKERS, VN_757_2025_PROFILES } from './profiles/vn-757-2025';
export { TARGET_GROUPS, AUDIENCES, targetGroup, audience } from './target-groups';

// catalog
export {
  CatalogError,
  checkCatalog,
  competenciesOf,
  createCatalog,
  findCompetency,
  findProfile,
  getFramework,
  maxLevel,
  summarizeFramework,
} from './catalog';
export type { Catalog, CatalogInput, CompetencyEntry, FrameworkSummary } from './catalog';
export { defaultCatalog } from './default-catalog';

// functions
export { validateMapping, upgradeMapping } from './validate';
export type { MappingChange, MappingValidation, UpgradeResult, ValidateOptions, ValidationCode, ValidationIssue } from './validate';
export { translateTarget, translateMapping, translateEvidence } from './crosswalk';
export type { DroppedEvidence, TransferRelation, TranslateResult, Translation, UntranslatedReason, UntranslatedTarget } from './crosswalk';
export { courseCoverage } from './coverage';
export type { CoverageReport, CoverageSource, CoverageStatus, RequirementCoverage } from './coverage';
export { DEFAULT_MASTERY_POLICY, ageFactor, computeMastery, masteryFor, masteryPolicy, toTime } from './mastery';
export type {
  CompetencyMastery,
  IgnoredEvidence,
  IgnoredReason,
  LevelStrength,
  MasteryOptions,
  MasteryPolicy,
  MasteryReport,
} from './mastery';
export { assessRequirement, decideUniversalisation, nextCompetencies } from './universalisation';
export type {
  DecisionInput,
  Gap,
  GapReason,
  MetRequirement,
  NextStep,
  NextSteps,
  NextStepsInput,
  NextStepWhy,
  UniversalisationDecision,
} from './universalisation';
