/**
 * Learning events → xAPI statements (1.0.3, also valid under 2.0), pure. Statement ids are UUID v5
 * of the event's own id, so mirroring the same event twice gives the same statement (the LRS keeps
 * one). The actor is the platform account (homePage = PUBLIC_URL, name = user id): no personal data.
 */
import { createHash } from 'node:crypto';

/** Namespace of hocso's statement ids (a fixed random UUID). */
export const HOCSO_XAPI_NAMESPACE = 'a7f1c7d2-4b3e-5f60-9a1b-2c3d4e5f6a7b';

/** RFC 4122 UUID version 5 (SHA-1, name-based). */
export function uuidV5(name: string, namespace: string = HOCSO_XAPI_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const VERBS = {
  registered: { id: 'http://adlnet.gov/expapi/verbs/registered', display: { 'en-US': 'registered', vi: 'đã ghi danh' } },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', vi: 'đã xem' } },
  progressed: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'en-US': 'progressed', vi: 'đã tiến triển' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', vi: 'đã hoàn thành' } },
} as const;

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  video: 'https://w3id.org/xapi/video/activity-type/video',
} as const;

export interface XapiStatementInput {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition: { type: string; name?: Record<string, string> } };
  result?: { completion?: boolean; success?: boolean; duration?: string; extensions?: Record<string, unknown> };
  context?: { registration?: string; platform: string; contextActivities?: { parent?: { objectType: 'Activity'; id: string }[] } };
  timestamp: string;
}

export interface XapiContext {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
}

const base = (ctx: XapiContext) => ctx.publicUrl.replace(/\/+$/, '');
const actorOf = (ctx: XapiContext, userId: string) => ({ objectType: 'Agent' as const, account: { homePage: base(ctx), name: userId } });
export const courseActivityId = (ctx: XapiContext, courseId: string) => `${base(ctx)}/xapi/activities/courses/${courseId}`;
export const lessonActivityId = (ctx: XapiContext, lessonKey: string) => `${base(ctx)}/xapi/activities/lessons/${lessonKey}`;
const PLATFORM = 'hocso';

export interface EnrolmentEvent {
  enrolmentId: string;
  userId: string;
  courseId: string;
  courseTitle?: string;
  versionNumber: number;
  at: Date;
}

export function enrolmentStatement(ctx: XapiContext, e: EnrolmentEvent): XapiStatementInput {
  return {
    id: uuidV5(`enrolment:${e.enrolmentId}`),
    actor: actorOf(ctx, e.userId),
    verb: VERBS.registered,
    object: { objectType: 'Activity', id: courseActivityId(ctx, e.courseId), definition: { type: ACTIVITY_TYPES.course, ...(e.courseTitle ? { name: { vi: e.courseTitle } } : {}) } },
    context: { registration: e.enrolmentId, platform: PLATFORM },
    timestamp: e.at.toISOString(),
  };
}

export interface ProgressEventRecord {
  userId: string;
  clientEventId: string;
  courseId: string;
  lessonKey: string;
  kind: string;
  type: string;
  fromSeconds: number | null;
  toSeconds: number | null;
  positionSeconds: number | null;
  occurredAt: Date;
  enrolmentId?: string;
}

/** One statement per progress event: "experienced" for openings, "progressed" for video and reading. */
export function progressStatement(ctx: XapiContext, e: ProgressEventRecord): XapiStatementInput {
  const opened = e.type === 'lesson_opened' || e.type === 'text_opened';
  const extensions: Record<string, unknown> = {};
  if (e.fromSeconds !== null && e.toSeconds !== null) extensions['https://w3id.org/xapi/video/extensions/played-segments'] = `${e.fromSeconds}[.]${e.toSeconds}`;
  if (e.positionSeconds !== null) extensions['https://w3id.org/xapi/video/extensions/time'] = e.positionSeconds;
  extensions['https://hocso.vn/xapi/extensions/event-type'] = e.type;
  return {
    id: uuidV5(`progress:${e.userId}:${e.clientEventId}`),
    actor: actorOf(ctx, e.userId),
    verb: opened ? VERBS.experienced : VERBS.progressed,
    object: { objectType: 'Activity', id: lessonActivityId(ctx, e.lessonKey), definition: { type: e.kind === 'video' ? ACTIVITY_TYPES.video : ACTIVITY_TYPES.lesson } },
    result: { extensions },
    context: {
      ...(e.enrolmentId ? { registration: e.enrolmentId } : {}),
      platform: PLATFORM,
      contextActivities: { parent: [{ objectType: 'Activity', id: courseActivityId(ctx, e.courseId) }] },
    },
    timestamp: e.occurredAt.toISOString(),
  };
}

export interface LessonCompletedEvent {
  userId: string;
  courseId: string;
  lessonKey: string;
  kind: string;
  source: string;
  completedAt: Date;
  enrolmentId?: string;
}

/** Lesson completion: one statement per (user, course, lesson key), whatever completed it and however often it is mirrored. */
export function lessonCompletedStatement(ctx: XapiContext, e: LessonCompletedEvent): XapiStatementInput {
  return {
    id: uuidV5(`lesson-completed:${e.userId}:${e.courseId}:${e.lessonKey}`),
    actor: actorOf(ctx, e.userId),
    verb: VERBS.completed,
    object: { objectType: 'Activity', id: lessonActivityId(ctx, e.lessonKey), definition: { type: e.kind === 'video' ? ACTIVITY_TYPES.video : ACTIVITY_TYPES.lesson } },
    result: { completion: true, extensions: { 'https://hocso.vn/xapi/extensions/completion-source': e.source } },
    context: {
      ...(e.enrolmentId ? { registration: e.enrolmentId } : {}),
      platform: PLATFORM,
      contextActivities: { parent: [{ objectType: 'Activity', id: courseActivityId(ctx, e.courseId) }] },
    },
    timestamp: e.completedAt.toISOString(),
  };
}

export interface CourseCompletedEvent {
  completionId: string;
  userId: string;
  courseId: string;
  versionNumber?: number;
  completedAt: Date;
  enrolmentId?: string;
}

export function courseCompletedStatement(ctx: XapiContext, e: CourseCompletedEvent): XapiStatementInput {
  return {
    id: uuidV5(`course-completed:${e.completionId}`),
    actor: actorOf(ctx, e.userId),
    verb: VERBS.completed,
    object: { objectType: 'Activity', id: courseActivityId(ctx, e.courseId), definition: { type: ACTIVITY_TYPES.course } },
    result: { completion: true },
    context: { ...(e.enrolmentId ? { registration: e.enrolmentId } : {}), platform: PLATFORM },
    timestamp: e.completedAt.toISOString(),
  };
}
