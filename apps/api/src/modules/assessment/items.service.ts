import type { CompetencyRef, CourseMapping } from '@hocso/curriculum';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import sanitizeHtml from 'sanitize-html';
import type { DataSource } from 'typeorm';
import { RequestValidationException } from '../../common/validation';
import type { FieldErrorDto } from '../../common/error-response.dto';
import type { AuthUser } from '../identity/auth-user';
import { CompetencyMappingService } from '../competencies/competency-mapping.service';
import { AssessmentItem, type AnswerKey, type ItemOption } from './entities';
import type { AuthorItemDto, ItemInputDto, ItemListQuery } from './dto/item.dto';

/** The allowlist of stems: text formatting, lists, links and our own images. */
export const STEM_SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'code', 'sub', 'sup', 'a', 'img'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['https'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/api\/v1\/media\/files\//.test(frame.attribs.src ?? ''),
};

export function sanitizeStem(html: string): string {
  return sanitizeHtml(html, STEM_SANITIZE).trim();
}

const plain = (text: string): string => sanitizeHtml(text, { allowedTags: [], allowedAttributes: {} }).trim();

export function isAdministrator(user: AuthUser): boolean {
  return user.roles.some((r) => r.role === 'administrator');
}

/** Authors write their own items; administrators any. */
@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mappings: CompetencyMappingService,
  ) {}

  async list(user: AuthUser, query: ItemListQuery): Promise<AuthorItemDto[]> {
    const qb = this.db.getRepository(AssessmentItem).createQueryBuilder('i').where('i.archived_at IS NULL').orderBy('i.updated_at', 'DESC').limit(500);
    if (!isAdministrator(user)) qb.andWhere('i.author_id = :me', { me: user.id });
    if (query.competencyRef) qb.andWhere('i.competency_ref = :ref', { ref: query.competencyRef });
    if (query.level) qb.andWhere('i.level = :level', { level: query.level });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    return (await qb.getMany()).map(toAuthorDto);
  }

  async get(user: AuthUser, id: string): Promise<AuthorItemDto> {
    return toAuthorDto(await this.own(user, id));
  }

  async create(user: AuthUser, input: ItemInputDto): Promise<AuthorItemDto> {
    const row = this.db.getRepository(AssessmentItem).create({ ...this.toRow(input), authorId: user.id });
    return toAuthorDto(await this.db.getRepository(AssessmentItem).save(row));
  }

  async update(user: AuthUser, id: string, input: ItemInputDto): Promise<AuthorItemDto> {
    const item = await this.own(user, id);
    Object.assign(item, this.toRow(input));
    return toAuthorDto(await this.db.getRepository(AssessmentItem).save(item));
  }

  /** Retires the item: no longer drawn, attempts that used it still grade and show it. */
  async archive(user: AuthUser, id: string): Promise<void> {
    const item = await this.own(user, id);
    await this.db.getRepository(AssessmentItem).update({ id: item.id }, { archivedAt: new Date() });
  }

  private async own(user: AuthUser, id: string): Promise<AssessmentItem> {
    const item = await this.db.getRepository(AssessmentItem).findOneBy({ id });
    if (!item || item.archivedAt) throw new NotFoundException('No such item');
    if (!isAdministrator(user) && item.authorId !== user.id) throw new ForbiddenException('Only its author or an administrator may change this item');
    return item;
  }

  /** Checks the mapping with @hocso/curriculum and the key against the kind; 400 with details otherwise. */
  toRow(input: ItemInputDto): Omit<AssessmentItem, 'id' | 'authorId' | 'archivedAt' | 'createdAt' | 'updatedAt'> {
    const frameworkId = input.competencyRef.split(':')[0] ?? '';
    const mapping: CourseMapping = {
      courseId: 'assessment-item',
      ...(input.frameworkVersion ? { frameworks: [{ id: frameworkId, version: input.frameworkVersion }] } : {}),
      items: [{ id: 'item', kind: 'quiz-item', assesses: [{ competency: input.competencyRef as CompetencyRef, level: input.level }] }],
    };
    const validation = this.mappings.validate(mapping);
    if (!validation.valid) {
      throw new RequestValidationException(
        validation.errors.map((e) => ({ field: e.path.includes('level') ? 'level' : e.path.includes('frameworks') ? 'frameworkVersion' : 'competencyRef', message: e.text.en })),
      );
    }
    const [target] = this.mappings.targetsOf(mapping, 'item');
    const errors: FieldErrorDto[] = [];
    const options: ItemOption[] = (input.options ?? []).map((o) => ({ id: o.id, text: plain(o.text), mediaUrl: o.mediaUrl ?? null }));
    const targets: ItemOption[] = (input.targets ?? []).map((o) => ({ id: o.id, text: plain(o.text), mediaUrl: o.mediaUrl ?? null }));
    const ids = new Set(options.map((o) => o.id));
    if (ids.size !== options.length) errors.push({ field: 'options', message: 'option ids must be unique' });
    const key: AnswerKey = {};
    const need = (ok: boolean, field: string, message: string) => {
      if (!ok) errors.push({ field, message });
    };
    switch (input.kind) {
      case 'single_choice':
      case 'multiple_choice': {
        need(options.length >= 2, 'options', 'a choice item needs at least 2 options');
        const correct = input.correctOptionIds ?? [];
        need(correct.length >= 1 && correct.every((id) => ids.has(id)), 'correctOptionIds', 'name at least one of the options as correct');
        if (input.kind === 'single_choice') need(correct.length === 1, 'correctOptionIds', 'a single-choice item has exactly one correct option');
        key.correctOptionIds = [...new Set(correct)];
        break;
      }
      case 'true_false':
        need(typeof input.correctBoolean === 'boolean', 'correctBoolean', 'say whether the statement is true');
        key.correctBoolean = input.correctBoolean;
        break;
      case 'ordering':
        need(options.length >= 2, 'options', 'give at least 2 steps, in the right order');
        key.order = options.map((o) => o.id);
        break;
      case 'matching': {
        const targetIds = new Set(targets.map((t) => t.id));
        need(options.length >= 2 && targets.length >= options.length, 'targets', 'give at least 2 pairs (and as many targets as prompts)');
        const pairs: Record<string, string> = {};
        for (const p of input.pairs ?? []) if (ids.has(p.optionId) && targetIds.has(p.targetId)) pairs[p.optionId] = p.targetId;
        need(options.every((o) => pairs[o.id]), 'pairs', 'pair every prompt with a target');
        key.pairs = pairs;
        break;
      }
      case 'short_text': {
        const accepted = (input.acceptedAnswers ?? []).map((a) => a.trim()).filter(Boolean);
        need(accepted.length >= 1, 'acceptedAnswers', 'give at least one accepted answer');
        key.acceptedAnswers = accepted;
        key.accentInsensitive = input.accentInsensitive ?? false;
        key.caseSensitive = input.caseSensitive ?? false;
        break;
      }
      case 'numeric':
        need(typeof input.numericValue === 'number', 'numericValue', 'give the expected number');
        key.numericValue = input.numericValue;
        key.tolerance = input.tolerance ?? 0;
        break;
      case 'free_text':
        key.rubric = input.rubric?.trim() || undefined;
        break;
    }
    const stem = sanitizeStem(input.stem);
    need(stem.length > 0, 'stem', 'the question is empty once sanitised');
    if (errors.length) throw new RequestValidationException(errors);
    return {
      kind: input.kind,
      competencyRef: target!.competencyRef,
      level: target!.level,
      frameworkVersion: target!.frameworkVersion,
      stem,
      mediaUrl: input.mediaUrl ?? null,
      options: input.kind === 'true_false' ? [] : options,
      targets: input.kind === 'matching' ? targets : [],
      answerKey: key,
      explanation: input.explanation?.trim() ? plain(input.explanation) : null,
    };
  }
}

export function toAuthorDto(item: AssessmentItem): AuthorItemDto {
  const k = item.answerKey;
  return {
    id: item.id,
    kind: item.kind,
    competencyRef: item.competencyRef,
    level: item.level,
    frameworkVersion: item.frameworkVersion,
    stem: item.stem,
    mediaUrl: item.mediaUrl,
    options: item.options,
    targets: item.targets,
    ...(k.correctOptionIds ? { correctOptionIds: k.correctOptionIds } : {}),
    ...(k.correctBoolean !== undefined ? { correctBoolean: k.correctBoolean } : {}),
    ...(k.pairs ? { pairs: Object.entries(k.pairs).map(([optionId, targetId]) => ({ optionId, targetId })) } : {}),
    ...(k.acceptedAnswers ? { acceptedAnswers: k.acceptedAnswers, accentInsensitive: !!k.accentInsensitive, caseSensitive: !!k.caseSensitive } : {}),
    ...(k.numericValue !== undefined ? { numericValue: k.numericValue, tolerance: k.tolerance ?? 0 } : {}),
    ...(k.rubric ? { rubric: k.rubric } : {}),
    explanation: item.explanation,
    authorId: item.authorId,
    updatedAt: item.updatedAt.toISOString(),
  };
}
