import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { changelogBetween } from './changelog';
import type {
  ChangelogDto,
  CommentDto,
  ReviewCommentDto,
  ReviewCommentListDto,
  ReviewQueueDto,
  StudioVersionDto,
} from './dto/studio.dto';
import type { ReviewCommentKind } from './review-comment.entity';
import { authoredBy, authoredVersion, isAdministrator, type VersionRow } from './studio-access';
import { VersionReader } from './version-reader';

/** Columns of a table (in order), so that copies carry columns other modules add (e.g. lessons.media_asset_id). */
async function columnsOf(manager: EntityManager, table: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
    [table],
  )) as { column_name: string }[];
  return rows.map((r) => r.column_name);
}

/** `INSERT INTO table (cols) SELECT <cols, some replaced by expressions> <from>`. */
async function copyRows(manager: EntityManager, table: string, alias: string, overrides: Record<string, string>, from: string, params: unknown[]): Promise<void> {
  const columns = await columnsOf(manager, table);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => overrides[c] ?? `${alias}."${c}"`).join(', ');
  await manager.query(`INSERT INTO "${table}" (${list}) SELECT ${values} ${from}`, params);
}

/**
 * The life of a version: draft → in_review (the author submits) → published (a reviewer approves)
 * or back to draft with the reviewer's comments. Published versions are never changed or deleted
 * (learners stay enrolled in them); editing a published course starts a new draft that copies it,
 * keeping module and lesson keys, so changelogs and progress can follow items across versions.
 */
@Injectable()
export class VersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: VersionReader,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Author side

  /** A new draft copying the newest published version (modules, lessons, mappings, translations, media links). */
  async newDraft(user: AuthUser, courseId: string, requestId: string): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const courses = (await manager.query(
        `SELECT c.id FROM courses c WHERE c.id = $3 AND ${authoredBy('$1', '$2', 'c.id')} FOR UPDATE`,
        [isAdministrator(user), user.id, courseId],
      )) as { id: string }[];
      if (!courses[0]) throw new NotFoundException('No such course, or it is not one of your courses');
      const versions = (await manager.query(`SELECT id, version_number, status FROM course_versions WHERE course_id = $1 ORDER BY version_number DESC`, [
        courseId,
      ])) as { id: string; version_number: number; status: string }[];
      const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
      if (open) {
        throw new ConflictException(`Version ${open.version_number} is still ${open.status === 'draft' ? 'a draft' : 'in review'}: edit that one instead of starting another.`);
      }
      const source = versions.find((v) => v.status === 'published');
      if (!source) throw new ConflictException('The course has no published version to start a new draft from.');
      const number = versions[0]!.version_number + 1;

      await copyRows(
        manager,
        'course_versions',
        'v',
        {
          id: 'gen_random_uuid()',
          version_number: '$2',
          status: `'draft'`,
          published_at: 'NULL',
          submitted_at: 'NULL',
          created_at: 'now()',
          parent_version_id: 'v.id',
          created_by: '$3',
        },
        `FROM course_versions v WHERE v.id = $1`,
        [source.id, number, user.id],
      );
      const [{ id: draftId }] = (await manager.query(`SELECT id FROM course_versions WHERE course_id = $1 AND version_number = $2`, [courseId, number])) as {
        id: string;
      }[];
      await copyRows(manager, 'course_modules', 'm', { id: 'gen_random_uuid()', version_id: '$2' }, `FROM course_modules m WHERE m.version_id = $1`, [
        source.id,
        draftId,
      ]);
      await copyRows(
        manager,
        'lessons',
        'l',
        { id: 'gen_random_uuid()', module_id: 'nm.id' },
        `FROM lessons l JOIN course_modules om ON om.id = l.module_id
           JOIN course_modules nm ON nm.version_id = $2 AND nm.module_key = om.module_key
          WHERE om.version_id = $1`,
        [source.id, draftId],
      );
      await copyRows(
        manager,
        'lesson_competencies',
        'lc',
        { id: 'gen_random_uuid()', lesson_id: 'nl.id' },
        `FROM lesson_competencies lc
           JOIN lessons ol ON ol.id = lc.lesson_id JOIN course_modules om ON om.id = ol.module_id
           JOIN course_modules nm ON nm.version_id = $2 AND nm.module_key = om.module_key
           JOIN lessons nl ON nl.module_id = nm.id AND nl.lesson_key = ol.lesson_key
          WHERE om.version_id = $1`,
        [source.id, draftId],
      );
      await this.audit.record(
        { actorId: user.id, action: 'course.draft', subjectType: 'course_version', subjectId: draftId, details: { courseId, versionNumber: number, from: source.version_number }, requestId },
        manager,
      );
      return this.reader.detail((await this.reader.row(draftId, manager))!, true, manager);
    });
  }

  async submit(user: AuthUser, versionId: string, message: string | undefined, requestId: string): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const version = await authoredVersion(manager, user, versionId, true);
      if (version.status !== 'draft') throw new ConflictException(`Version ${version.version_number} is ${version.status.replace('_', ' ')}: only a draft can be submitted.`);
      const [{ lessons }] = (await manager.query(
        `SELECT count(*)::int AS lessons FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1`,
        [versionId],
      )) as { lessons: number }[];
      if (lessons === 0) throw new BadRequestException('Add at least one lesson before submitting the course for review.');
      await manager.query(`UPDATE course_versions SET status = 'in_review', submitted_at = now() WHERE id = $1`, [versionId]);
      await this.addComment(manager, versionId, user.id, 'submission', message?.trim() ?? '', null);
      await this.audit.record(
        { actorId: user.id, action: 'course.submit', subjectType: 'course_version', subjectId: versionId, details: { courseId: version.course_id, versionNumber: version.version_number }, requestId },
        manager,
      );
      return this.reader.detail((await this.reader.row(versionId, manager))!, false, manager);
    });
  }

  /** Takes a version back from review (to change it before anyone approves it). */
  async withdraw(user: AuthUser, versionId: string, requestId: string): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const version = await authoredVersion(manager, user, versionId, true);
      if (version.status !== 'in_review') throw new ConflictException(`Version ${version.version_number} is not in review.`);
      await manager.query(`UPDATE course_versions SET status = 'draft' WHERE id = $1`, [versionId]);
      await this.audit.record(
        { actorId: user.id, action: 'course.withdraw', subjectType: 'course_version', subjectId: versionId, details: { courseId: version.course_id, versionNumber: version.version_number }, requestId },
        manager,
      );
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  async authorComments(user: AuthUser, versionId: string): Promise<ReviewCommentListDto> {
    await authoredVersion(this.dataSource.manager, user, versionId);
    return this.comments(versionId);
  }

  async authorComment(user: AuthUser, versionId: string, body: CommentDto): Promise<ReviewCommentDto> {
    await authoredVersion(this.dataSource.manager, user, versionId);
    return this.dataSource.transaction((manager) => this.addCommentChecked(manager, versionId, user.id, body));
  }

  async authorChangelog(user: AuthUser, versionId: string, fromId: string | undefined): Promise<ChangelogDto> {
    const version = await authoredVersion(this.dataSource.manager, user, versionId);
    return this.changelog(version, fromId);
  }

  // ---------------------------------------------------------------------------------------------
  // Reviewer side

  async queue(): Promise<ReviewQueueDto> {
    const rows = (await this.dataSource.query(
      `SELECT v.id, v.course_id, c.slug, v.title, v.version_number, v.submitted_at,
              coalesce((SELECT array_agg(u.display_name ORDER BY ca.added_at) FROM course_authors ca JOIN users u ON u.id = ca.user_id WHERE ca.course_id = v.course_id), '{}') AS authors
         FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE v.status = 'in_review'
        ORDER BY v.submitted_at NULLS LAST, v.id`,
    )) as { id: string; course_id: string; slug: string; title: string; version_number: number; submitted_at: Date | null; authors: string[] }[];
    return {
      items: rows.map((r) => ({
        versionId: r.id,
        courseId: r.course_id,
        slug: r.slug,
        title: r.title,
        versionNumber: r.version_number,
        submittedAt: r.submitted_at?.toISOString() ?? null,
        authors: r.authors,
      })),
    };
  }

  private async reviewable(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow> {
    const version = await this.reader.row(versionId, manager);
    if (!version) throw new NotFoundException('No such course version');
    return version;
  }

  async reviewVersion(versionId: string): Promise<StudioVersionDto> {
    return this.reader.detail(await this.reviewable(versionId), false);
  }

  async reviewChangelog(versionId: string, fromId: string | undefined): Promise<ChangelogDto> {
    return this.changelog(await this.reviewable(versionId), fromId);
  }

  async reviewComments(versionId: string): Promise<ReviewCommentListDto> {
    await this.reviewable(versionId);
    return this.comments(versionId);
  }

  async reviewComment(user: AuthUser, versionId: string, body: CommentDto): Promise<ReviewCommentDto> {
    await this.reviewable(versionId);
    return this.dataSource.transaction((manager) => this.addCommentChecked(manager, versionId, user.id, body));
  }

  async approve(user: AuthUser, versionId: string, comment: string | undefined, requestId: string): Promise<StudioVersionDto> {
    return this.decide(user, versionId, 'approval', comment ?? '', requestId);
  }

  async reject(user: AuthUser, versionId: string, comment: string, requestId: string): Promise<StudioVersionDto> {
    return this.decide(user, versionId, 'rejection', comment, requestId);
  }

  private async decide(user: AuthUser, versionId: string, kind: 'approval' | 'rejection', comment: string, requestId: string): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT v.*, c.slug FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE v.id = $1 FOR UPDATE OF v`, [
        versionId,
      ])) as VersionRow[];
      const version = rows[0];
      if (!version) throw new NotFoundException('No such course version');
      if (version.status !== 'in_review') {
        throw new ConflictException(`Version ${version.version_number} is ${version.status.replace('_', ' ')}, not in review: it cannot be ${kind === 'approval' ? 'approved' : 'sent back'}.`);
      }
      const own = (await manager.query(`SELECT 1 FROM course_authors WHERE course_id = $1 AND user_id = $2`, [version.course_id, user.id])) as unknown[];
      if (own.length > 0) throw new ForbiddenException('You are an author of this course: another reviewer must review it.');
      if (kind === 'approval') {
        await manager.query(`UPDATE course_versions SET status = 'published', published_at = now() WHERE id = $1`, [versionId]);
      } else {
        await manager.query(`UPDATE course_versions SET status = 'draft' WHERE id = $1`, [versionId]);
      }
      await this.addComment(manager, versionId, user.id, kind, comment.trim(), null);
      await this.audit.record(
        {
          actorId: user.id,
          action: kind === 'approval' ? 'course.approve' : 'course.reject',
          subjectType: 'course_version',
          subjectId: versionId,
          details: { courseId: version.course_id, slug: version.slug, versionNumber: version.version_number, ...(kind === 'approval' ? { published: true } : {}) },
          requestId,
        },
        manager,
      );
      return this.reader.detail((await this.reader.row(versionId, manager))!, false, manager);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Public: what changed between two published versions (learners deciding whether to move)

  async publicChangelog(slug: string, from: number | undefined, to: number | undefined): Promise<ChangelogDto> {
    const versions = (await this.dataSource.query(
      `SELECT v.id, v.version_number FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE c.slug = $1 AND v.status IN ('published', 'archived') ORDER BY v.version_number`,
      [slug],
    )) as { id: string; version_number: number }[];
    if (versions.length === 0) throw new NotFoundException(`No published course "${slug}"`);
    const newest = versions[versions.length - 1]!;
    const target = to === undefined ? newest : versions.find((v) => v.version_number === to);
    if (!target) throw new NotFoundException(`Course "${slug}" has no published version ${to}`);
    const base = from === undefined ? [...versions].reverse().find((v) => v.version_number < target.version_number) : versions.find((v) => v.version_number === from);
    if (from !== undefined && !base) throw new NotFoundException(`Course "${slug}" has no published version ${from}`);
    return changelogBetween(await this.reader.snapshot(base?.id ?? null), await this.reader.snapshot(target.id));
  }

  // ---------------------------------------------------------------------------------------------

  private async changelog(version: VersionRow, fromId: string | undefined): Promise<ChangelogDto> {
    let base: string | null = version.parent_version_id;
    if (fromId) {
      const rows = (await this.dataSource.query(`SELECT id FROM course_versions WHERE id = $1 AND course_id = $2`, [fromId, version.course_id])) as { id: string }[];
      if (!rows[0]) throw new NotFoundException('The version to compare with is not a version of this course');
      base = rows[0].id;
    }
    return changelogBetween(await this.reader.snapshot(base), await this.reader.snapshot(version.id));
  }

  private async comments(versionId: string): Promise<ReviewCommentListDto> {
    const rows = (await this.dataSource.query(
      `SELECT rc.id, rc.parent_id, rc.kind, rc.body, rc.author_id, u.display_name, rc.created_at
         FROM review_comments rc LEFT JOIN users u ON u.id = rc.author_id
        WHERE rc.version_id = $1 ORDER BY rc.created_at, rc.id`,
      [versionId],
    )) as { id: string; parent_id: string | null; kind: ReviewCommentKind; body: string; author_id: string | null; display_name: string | null; created_at: Date }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        kind: r.kind,
        body: r.body,
        authorId: r.author_id,
        authorName: r.display_name,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }

  private async addCommentChecked(manager: EntityManager, versionId: string, authorId: string, body: CommentDto): Promise<ReviewCommentDto> {
    if (body.parentId) {
      const parent = (await manager.query(`SELECT 1 FROM review_comments WHERE id = $1 AND version_id = $2`, [body.parentId, versionId])) as unknown[];
      if (parent.length === 0) throw new BadRequestException('parentId names no comment of this version');
    }
    return this.addComment(manager, versionId, authorId, 'comment', body.body.trim(), body.parentId ?? null);
  }

  private async addComment(
    manager: EntityManager,
    versionId: string,
    authorId: string,
    kind: ReviewCommentKind,
    body: string,
    parentId: string | null,
  ): Promise<ReviewCommentDto> {
    const [row] = (await manager.query(
      `INSERT INTO review_comments (version_id, parent_id, author_id, kind, body) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, created_at, (SELECT display_name FROM users WHERE id = $3) AS display_name`,
      [versionId, parentId, authorId, kind, body],
    )) as { id: string; created_at: Date; display_name: string | null }[];
    return { id: row!.id, parentId, kind, body, authorId, authorName: row!.display_name, createdAt: row!.created_at.toISOString() };
  }
}
