import { Course } from '../modules/catalog/course.entity';
import { CourseModule } from '../modules/catalog/course-module.entity';
import { CourseVersion } from '../modules/catalog/course-version.entity';
import { Lesson } from '../modules/catalog/lesson.entity';
import { LessonCompetency } from '../modules/competencies/lesson-competency.entity';

/** Every entity of the application; the migrations must create exactly this schema (see schema.e2e-spec). */
export const ENTITIES = [Course, CourseVersion, CourseModule, Lesson, LessonCompetency];
