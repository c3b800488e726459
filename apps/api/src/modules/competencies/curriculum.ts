import { defaultCatalog, type Catalog } from '@hocso/curriculum';
import type { Provider } from '@nestjs/common';
import type { LessonKind } from '../catalog/lesson.entity';

/** Injection token of the frameworks, crosswalks and profiles the API works with. */
export const CURRICULUM_CATALOG = 'CURRICULUM_CATALOG';

/** Every framework of `@hocso/curriculum`; the API keeps no copy of their data. */
export const curriculumCatalogProvider: Provider<Catalog> = { provide: CURRICULUM_CATALOG, useValue: defaultCatalog };

export type MappingRole = 'teaches' | 'assesses';

/**
 * What a lesson's competencies mean: a quiz or a practice lesson assesses them, any other lesson
 * teaches them. (Quiz items will carry their own, finer mappings.)
 */
export function roleOfLesson(kind: LessonKind): MappingRole {
  return kind === 'quiz' || kind === 'practice' ? 'assesses' : 'teaches';
}
