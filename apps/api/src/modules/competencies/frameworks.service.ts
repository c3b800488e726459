import { competencyRef, getFramework, message, summarizeFramework, type Catalog, type Framework } from '@hocso/curriculum';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CURRICULUM_CATALOG } from './curriculum';
import type { FrameworkDto, FrameworkListDto, FrameworkSummaryDto } from './dto/framework.dto';

/** The frameworks of @hocso/curriculum as reference data (for the studio and other installations). */
@Injectable()
export class FrameworksService {
  constructor(@Inject(CURRICULUM_CATALOG) private readonly catalog: Catalog) {}

  list(): FrameworkListDto {
    return { items: this.catalog.frameworks.map((framework) => summary(framework)) };
  }

  /** A framework version (default: the current one) with its levels, areas and competencies. */
  get(id: string, version?: string): FrameworkDto {
    const framework = getFramework(this.catalog, id, version);
    if (!framework) {
      const known = getFramework(this.catalog, id) !== undefined;
      const m = known && version !== undefined ? message('unknown-version', { frameworkId: id, version }) : message('unknown-framework', { frameworkId: id });
      throw new NotFoundException(m.text.en);
    }
    return {
      ...summary(framework),
      source: { ...framework.source },
      levels: framework.levels.map((l) => ({
        level: l.level,
        code: l.code,
        name: l.name,
        ...(l.band ? { band: l.band } : {}),
        ...(l.description ? { description: l.description } : {}),
      })),
      areas: framework.areas.map((area) => ({
        code: area.code,
        name: area.name,
        ...(area.description ? { description: area.description } : {}),
        verification: area.verification ?? framework.verification,
        competencies: area.competencies.map((c) => ({
          code: c.code,
          ref: competencyRef(framework.id, c.code),
          name: c.name,
          ...(c.description ? { description: c.description } : {}),
          verification: c.verification ?? framework.verification,
        })),
      })),
      notes: [...framework.notes],
    };
  }
}

function summary(framework: Framework): FrameworkSummaryDto {
  const counts = summarizeFramework(framework);
  return {
    id: framework.id,
    version: framework.version,
    status: framework.status,
    ...(framework.supersededBy ? { supersededBy: framework.supersededBy } : {}),
    name: framework.name,
    shortName: framework.shortName,
    verification: framework.verification,
    reference: framework.source.reference,
    issued: framework.source.issued,
    targetGroups: [...(framework.targetGroups ?? [])],
    counts: { areas: counts.areas, competencies: counts.competencies, levels: counts.levels },
  };
}
