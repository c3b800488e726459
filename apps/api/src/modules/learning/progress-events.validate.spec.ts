import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { RequestValidationException } from '../../common/validation';
import { ProgressEventsRequestDto } from './dto/progress-events.dto';
import { parseProgressEvents } from './progress-events.validate';

const good = { id: '0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b', lessonId: '1b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b', type: 'video_watched', from: 1, to: 5.5, at: '2026-12-01T10:00:00.000Z' };
const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (error) {
    if (error instanceof RequestValidationException) return error.details.map((d) => d.field);
    throw error;
  }
};
/** The class-validator DTO's verdict (the documented contract): the fields at fault, as paths. */
const dtoFields = (body: unknown): string[] => {
  const errors = validateSync(plainToInstance(ProgressEventsRequestDto, body), { whitelist: true, forbidNonWhitelisted: true });
  const out: string[] = [];
  const walk = (list: typeof errors, path: string) => {
    for (const e of list) {
      const here = /^\d+$/.test(e.property) ? `${path}[${e.property}]` : path ? `${path}.${e.property}` : e.property;
      if (e.constraints) out.push(here);
      walk(e.children ?? [], here);
    }
  };
  walk(errors, '');
  return out;
};

describe('parseProgressEvents (the hot route’s hand-written body check)', () => {
  it('accepts a valid batch and keeps only known fields', () => {
    expect(parseProgressEvents({ events: [good] })).toEqual([good]);
  });

  it('refuses what the DTO refuses, naming the same fields', () => {
    const cases: unknown[] = [
      { events: [] },
      { events: [{ ...good, id: 'x' }] },
      { events: [{ ...good, type: 'jumped' }] },
      { events: [{ ...good, from: -1 }] },
      { events: [{ ...good, to: 'ten' }] },
      { events: [{ ...good, at: 'yesterday' }] },
      { events: [{ ...good, extra: 1 }] },
      { events: [good], more: true },
    ];
    for (const body of cases) {
      expect(fieldsOf(() => parseProgressEvents(body)).sort()).toEqual(dtoFields(body).sort());
    }
  });

  it('property: agrees with the DTO on random events (valid or not)', () => {
    const value = fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 90_000 }), fc.double({ noNaN: false }), fc.string({ maxLength: 3 }));
    const event = fc.record({
      id: fc.oneof(fc.uuid(), fc.string({ maxLength: 5 })),
      lessonId: fc.uuid(),
      type: fc.constantFrom('video_watched', 'video_position', 'text_opened', 'text_scrolled', 'lesson_opened', 'nope'),
      from: value,
      to: value,
      position: value,
      at: fc.constantFrom('2026-12-01T10:00:00Z', '2026-12-01T10:00:00.123+07:00', 'x', '2026-13-45'),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), (events) => {
        const body = { events: events.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))) };
        expect(fieldsOf(() => parseProgressEvents(body)).length === 0).toBe(dtoFields(body).length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
