import type { FieldErrorDto } from '../../common/error-response.dto';
import { RequestValidationException } from '../../common/validation';
import { MAX_EVENTS_PER_BATCH, type ProgressEventDto } from './dto/progress-events.dto';
import { PROGRESS_EVENT_TYPES, type ProgressEventType } from './progress-event.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const TYPES = new Set<string>(PROGRESS_EVENT_TYPES);
const FIELDS = new Set(['id', 'lessonId', 'type', 'from', 'to', 'position', 'at']);
const MAX_SECONDS = 86_400;

/**
 * The body of POST /api/v1/progress/events, checked by hand: the same rules and error shape as the
 * class-validator DTO (ProgressEventsRequestDto, which documents it in OpenAPI), at a fraction of the
 * CPU — this is the platform's hottest route (a batch every few seconds from every learner watching).
 * Unknown fields are refused, like everywhere else.
 */
export function parseProgressEvents(body: unknown): ProgressEventDto[] {
  const details: FieldErrorDto[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestValidationException([{ field: 'events', message: 'the body must be an object with events' }]);
  for (const key of Object.keys(body)) if (key !== 'events') details.push({ field: key, message: `property ${key} should not exist` });
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) {
    details.push({ field: 'events', message: 'events must be an array' });
    throw new RequestValidationException(details);
  }
  if (events.length < 1) details.push({ field: 'events', message: 'events must contain at least 1 event' });
  if (events.length > MAX_EVENTS_PER_BATCH) {
    details.push({ field: 'events', message: `events must contain at most ${MAX_EVENTS_PER_BATCH} events; send the rest in another request` });
    throw new RequestValidationException(details);
  }
  events.forEach((raw: unknown, i) => {
    const at = (field: string, message: string) => details.push({ field: `events[${i}].${field}`, message });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      details.push({ field: `events[${i}]`, message: 'each event must be an object' });
      return;
    }
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!FIELDS.has(key)) at(key, `property ${key} should not exist`);
    if (typeof e.id !== 'string' || !UUID.test(e.id)) at('id', 'id must be a UUID');
    if (typeof e.lessonId !== 'string' || !UUID.test(e.lessonId)) at('lessonId', 'lessonId must be a UUID');
    if (typeof e.type !== 'string' || !TYPES.has(e.type)) at('type', `type must be one of: ${PROGRESS_EVENT_TYPES.join(', ')}`);
    for (const field of ['from', 'to', 'position'] as const) {
      const v = e[field];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) at(field, `${field} must be a number conforming to the specified constraints`);
      else if (v < 0) at(field, `${field} must not be less than 0`);
      else if (v > MAX_SECONDS) at(field, `${field} must not be greater than ${MAX_SECONDS}`);
    }
    if (typeof e.at !== 'string' || !ISO_DATE_TIME.test(e.at) || Number.isNaN(Date.parse(e.at))) at('at', 'at must be an ISO 8601 date-time');
  });
  if (details.length > 0) throw new RequestValidationException(details);
  return (events as Record<string, unknown>[]).map((e) => {
    const out: ProgressEventDto = { id: e.id as string, lessonId: e.lessonId as string, type: e.type as ProgressEventType, at: e.at as string };
    if (typeof e.from === 'number') out.from = e.from;
    if (typeof e.to === 'number') out.to = e.to;
    if (typeof e.position === 'number') out.position = e.position;
    return out;
  });
}
