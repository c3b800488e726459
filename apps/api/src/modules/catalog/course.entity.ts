import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { CourseVersion } from './course-version.entity';

/** A course's identity; its content lives in versions (a published version is never edited). */
@Entity({ name: 'courses' })
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany('CourseVersion', (version: CourseVersion) => version.course)
  versions?: CourseVersion[];
}
