import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Lesson } from '../catalog/lesson.entity';

/**
 * A competency a lesson teaches (or, for a quiz or practice lesson, assesses), at a level of the
 * framework version it was mapped against. Checked with `validateMapping` of `@hocso/curriculum`
 * before it is written (see CompetencyMappingService); the framework data itself is never stored.
 */
@Entity({ name: 'lesson_competencies' })
@Unique('uq_lesson_competencies_lesson_competency', ['lessonId', 'competencyRef'])
@Index('ix_lesson_competencies_competency', ['competencyRef'])
@Check('ck_lesson_competencies_level', `"level" >= 1`)
export class LessonCompetency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @ManyToOne('Lesson', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  /** `"<frameworkId>:<code>"` as the library writes it, e.g. `digcomp-2.2:4.2`. */
  @Column({ name: 'competency_ref', type: 'varchar', length: 100 })
  competencyRef!: string;

  /** 1..n on the scale of the pinned framework version. */
  @Column({ type: 'integer' })
  level!: number;

  /** The framework version the code and level refer to (the framework id is in the ref). */
  @Column({ name: 'framework_version', type: 'varchar', length: 40 })
  frameworkVersion!: string;
}
