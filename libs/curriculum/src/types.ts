// Core types of @hocso/curriculum. Types only: this module emits no code.
//
// Identity conventions (used everywhere: frameworks, mappings, crosswalks, profiles, evidence):
// - a framework has a stable `id` (e.g. `digcomp-2.2`) and a semver `version` (e.g. `2.2.0`);
// - a competency has a `code` stable within its framework id (e.g. `1.1`);
// - a competency is referenced globally by a `CompetencyRef` string `"<frameworkId>:<code>"`,
//   e.g. `"digcomp-2.2:1.1"`. Framework ids and codes never contain `:`.
//   A ref names the competency, not a version: the version comes from context (a mapping's
//   pinned frameworks, a profile's framework, or the catalog's current version).
// - proficiency levels are integers 1..n within a framework (n = `framework.levels.length`);
//   0 means "no level" in results.

/** Text in Vietnamese (the default) and English. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** `"<frameworkId>:<code>"`, e.g. `"vn-757-2025:1.1"`. Build with `competencyRef()`. */
export type CompetencyRef = `${string}:${string}`;

/**
 * How far a piece of data has been checked:
 * - `official`: matches the official text (names reproduced exactly; translations may be ours);
 * - `secondary`: taken from reproductions of the official text in legal databases or the press,
 *   not checked against the signed document;
 * - `provisional`: a working assumption of this platform, to be replaced when the official text is
 *   available. Never presented to learners as official.
 */
export type Verification = 'official' | 'secondary' | 'provisional';

/** A framework at a given version. */
export interface FrameworkPin {
  readonly id: string;
  readonly version: string;
}

export interface ProficiencyLevel {
  /** 1..n */
  readonly level: number;
  /** Short code used by the source (e.g. `CB1`) or the level number as a string. */
  readonly code: string;
  readonly name: LocalizedText;
  /** Wider band the level belongs to (e.g. DigComp "Foundation"). */
  readonly band?: LocalizedText;
  readonly description?: LocalizedText;
}

export interface Competency {
  /** Stable within the framework id, e.g. `1.1`. */
  readonly code: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** Defaults to the framework's verification (not the area's). */
  readonly verification?: Verification;
  /** Codes of the previous version of this framework that this competency replaces. */
  readonly replaces?: readonly string[];
  readonly notes?: readonly string[];
}

export interface Area {
  readonly code: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** Of the area itself (name, scope); defaults to the framework's. */
  readonly verification?: Verification;
  readonly competencies: readonly Competency[];
}

export interface FrameworkSource {
  readonly title: LocalizedText;
  readonly issuer: LocalizedText;
  /** Official reference, e.g. `757/QĐ-BKHCN`. */
  readonly reference: string;
  /** Date of issue, ISO `YYYY-MM-DD`. */
  readonly issued: string;
  /** Date it takes effect, when known. */
  readonly effective?: string;
  readonly url?: string;
  readonly licence?: string;
}

export type FrameworkStatus = 'active' | 'deprecated';

export interface Framework extends FrameworkPin {
  readonly name: LocalizedText;
  readonly shortName: LocalizedText;
  readonly status: FrameworkStatus;
  /** For a deprecated version: the version that replaces it. */
  readonly supersededBy?: string;
  readonly source: FrameworkSource;
  /** Default verification of everything in this framework (areas/competencies may override). */
  readonly verification: Verification;
  readonly levels: readonly ProficiencyLevel[];
  readonly areas: readonly Area[];
  /** Target groups this framework is written for (informative). */
  readonly targetGroups?: readonly TargetGroupId[];
  /** What is known, unknown and assumed about this data (English, for maintainers). */
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Target groups, audiences, required profiles

export type TargetGroupId = 'citizens' | 'officials' | 'students' | 'workers';
export type AudienceId = 'elderly' | 'disability' | 'ethnic-minority' | '4t-traders-farmers';

export interface TargetGroup {
  readonly id: TargetGroupId;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
}

export interface Audience {
  readonly id: AudienceId;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  /** Components of the audience's learning model (e.g. the four "T" of 4T). */
  readonly pillars?: readonly { readonly id: string; readonly name: LocalizedText }[];
  /** Competencies to put first for this audience (personalisation, next steps). */
  readonly focus: readonly CompetencyRef[];
  readonly notes: readonly string[];
}

/** One line of a required profile: this competency at this level or higher. */
export interface Requirement {
  readonly competency: CompetencyRef;
  readonly minLevel: number;
}

/**
 * What makes a person of a target group "universalised" (phổ cập kỹ năng số cơ bản): meeting
 * every requirement. Versioned, and tied to one framework version.
 */
export interface RequiredProfile {
  /** e.g. `vn-757-2025/citizens` */
  readonly id: string;
  readonly version: string;
  readonly targetGroup: TargetGroupId;
  readonly framework: FrameworkPin;
  readonly requirements: readonly Requirement[];
  readonly verification: Verification;
  readonly basis: LocalizedText;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Crosswalks

/**
 * Relation of the `from` competency to the `to` competency (SKOS-like):
 * `exact` / `close` — same or nearly the same competence: credit transfers;
 * `narrower` — `from` is a part of `to`; `broader` — `from` includes `to`;
 * `related` — overlapping. The last three are informative only: no credit transfers.
 */
export type CrosswalkRelation = 'exact' | 'close' | 'narrower' | 'broader' | 'related';

export interface CrosswalkLink {
  readonly from: CompetencyRef;
  readonly to: CompetencyRef;
  readonly relation: CrosswalkRelation;
  readonly note?: string;
}

export interface Crosswalk {
  /** e.g. `vn-757-2025~digcomp-2.2` */
  readonly id: string;
  readonly version: string;
  readonly from: FrameworkPin;
  readonly to: FrameworkPin;
  /**
   * Level correspondence. `forward[i]` is the `to` level equivalent to `from` level i+1;
   * `backward[j]` the `from` level equivalent to `to` level j+1. 0 = no equivalent.
   * Both must be non-decreasing, and a round trip must never raise a level.
   */
  readonly levels: { readonly forward: readonly number[]; readonly backward: readonly number[] };
  readonly links: readonly CrosswalkLink[];
  readonly verification: Verification;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Course mappings

/** A competency at a level, as taught or assessed by a piece of content. */
export interface CompetencyTarget {
  readonly competency: CompetencyRef;
  readonly level: number;
}

export interface MappingItem {
  /** Lesson, quiz item, practice… id, unique within the mapping. */
  readonly id: string;
  /** Informative (e.g. `lesson`, `video`, `quiz-item`, `practice`). */
  readonly kind?: string;
  readonly teaches?: readonly CompetencyTarget[];
  readonly assesses?: readonly CompetencyTarget[];
}

/** Which competencies a course (version) teaches and assesses. */
export interface CourseMapping {
  readonly courseId: string;
  readonly courseVersion?: string;
  /** Framework versions the codes refer to; a framework not listed uses the catalog's current. */
  readonly frameworks?: readonly FrameworkPin[];
  readonly items: readonly MappingItem[];
}

// ---------------------------------------------------------------------------------------------
// Evidence and mastery

export type EvidenceKind = 'quiz' | 'practice' | 'attendance' | 'live-quiz';

export interface Evidence {
  /**
   * Source event id (e.g. attempt id). Items sharing id + competency + level are one piece of
   * evidence seen twice (e.g. a quiz item mapped to two frameworks): only the best is counted.
   */
  readonly id?: string;
  readonly competency: CompetencyRef;
  /** Level of the competency the activity was at. */
  readonly level: number;
  readonly kind: EvidenceKind;
  /** 0..1 */
  readonly score: number;
  /** When absent, passing means `score >= policy.passScore`. */
  readonly passed?: boolean;
  readonly occurredAt: string | Date;
}

/** Result message: a machine-readable code, its parameters and a ready-made text. */
export interface Message {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly text: LocalizedText;
}
