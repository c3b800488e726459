import { computeMastery, type Catalog, type Evidence, type EvidenceKind } from '@hocso/curriculum';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CURRICULUM_CATALOG } from '../competencies/curriculum';
import type { MasteryDto } from './dto/attempt.dto';

const KIND_OF_SOURCE: Record<string, EvidenceKind> = { quiz: 'quiz', practice: 'practice', 'live-quiz': 'live-quiz', attendance: 'attendance' };

/** Mastery per competency from the person's evidence, by `computeMastery` of @hocso/curriculum. */
@Injectable()
export class MasteryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CURRICULUM_CATALOG) private readonly catalog: Catalog,
  ) {}

  async evidenceOf(userId: string): Promise<Evidence[]> {
    const rows = (await this.db.query(
      `SELECT source_id AS "sourceId", source, competency_ref AS "competencyRef", level, score::float8 AS score, passed, achieved_at AS "achievedAt"
         FROM competency_evidence WHERE user_id = $1`,
      [userId],
    )) as { sourceId: string; source: string; competencyRef: string; level: number; score: number; passed: boolean; achievedAt: Date }[];
    return rows.map((r) => ({
      id: r.sourceId,
      competency: r.competencyRef as Evidence['competency'],
      level: r.level,
      kind: KIND_OF_SOURCE[r.source] ?? 'quiz',
      score: r.score,
      passed: r.passed,
      occurredAt: r.achievedAt,
    }));
  }

  async masteryOf(userId: string, now = new Date()): Promise<MasteryDto> {
    const report = computeMastery(await this.evidenceOf(userId), { now, catalog: this.catalog });
    return {
      now: report.now,
      competencies: report.competencies.map((c) => ({
        competency: c.competency,
        level: c.level,
        evidenceCount: c.evidenceCount,
        highestPassedLevel: c.highestPassedLevel,
        lastEvidenceAt: c.lastEvidenceAt,
      })),
    };
  }
}
