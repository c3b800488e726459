import {
  frameworkIdOf,
  getFramework,
  validateMapping,
  type Catalog,
  type CourseMapping,
  type MappingValidation,
  type ValidationIssue,
} from '@hocso/curriculum';
import { Inject, Injectable } from '@nestjs/common';
import { RequestValidationException } from '../../common/validation';
import type { SupportedLanguage } from '../catalog/dto/list-courses.query';
import { CURRICULUM_CATALOG } from './curriculum';

/** One row of `lesson_competencies` (or of a future quiz-item table), before the lesson id is known. */
export interface MappedTarget {
  /** The mapping item it comes from. */
  itemId: string;
  competencyRef: string;
  level: number;
  /** The version the ref and level were checked against: the mapping's pin, else the current one. */
  frameworkVersion: string;
}

/** A mapping refused by the library; the message names every error (for job failures and logs). */
export class InvalidCompetencyMappingError extends Error {
  constructor(
    readonly subject: string,
    readonly issues: readonly ValidationIssue[],
    describePath: (path: string) => string = (path) => path,
  ) {
    super(`${subject}: invalid competency mapping: ${issues.map((i) => `${describePath(i.path)}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidCompetencyMappingError';
  }
}

/**
 * Checks competency mappings of lessons and quiz items with `validateMapping` of
 * `@hocso/curriculum`, and turns valid ones into rows pinned to a framework version.
 */
@Injectable()
export class CompetencyMappingService {
  constructor(@Inject(CURRICULUM_CATALOG) private readonly catalog: Catalog) {}

  /** The library's verdict: `valid`, `errors`, `warnings` (each with path, code and vi/en text). */
  validate(input: unknown): MappingValidation {
    return validateMapping(input, this.catalog);
  }

  /**
   * The verdict of a valid mapping; an invalid one is a 400 whose details name each field by the
   * library's path (e.g. `items[0].teaches[0].level`), with its text in `lang`.
   */
  validateForRequest(input: unknown, lang: SupportedLanguage): MappingValidation {
    const result = this.validate(input);
    if (!result.valid) {
      throw new RequestValidationException(result.errors.map((issue) => ({ field: issue.path, message: issue.text[lang] })));
    }
    return result;
  }

  /**
   * Validates a mapping and returns one target per item and competency, each pinned to the
   * framework version it was checked against. Throws InvalidCompetencyMappingError when invalid.
   * A competency listed twice for one item (taught and assessed) keeps its highest level.
   */
  targetsOf(input: CourseMapping, subject: string, describePath?: (path: string) => string): MappedTarget[] {
    const result = this.validate(input);
    if (!result.valid || !result.mapping) throw new InvalidCompetencyMappingError(subject, result.errors, describePath);
    const mapping = result.mapping;
    const pinned = new Map((mapping.frameworks ?? []).map((pin) => [pin.id, pin.version]));
    const targets = new Map<string, MappedTarget>();
    for (const item of mapping.items) {
      for (const target of [...(item.teaches ?? []), ...(item.assesses ?? [])]) {
        const frameworkId = frameworkIdOf(target.competency);
        // valid: the framework exists (pinned, or its current version)
        const frameworkVersion = pinned.get(frameworkId) ?? getFramework(this.catalog, frameworkId)!.version;
        const key = `${item.id}\u0000${target.competency}`;
        const previous = targets.get(key);
        if (!previous || previous.level < target.level) {
          targets.set(key, { itemId: item.id, competencyRef: target.competency, level: target.level, frameworkVersion });
        }
      }
    }
    return [...targets.values()];
  }
}
