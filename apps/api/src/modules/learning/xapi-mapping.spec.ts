import { courseCompletedStatement, enrolmentStatement, lessonCompletedStatement, progressStatement, uuidV5 } from './xapi-mapping';

const ctx = { publicUrl: 'https://hocso.example.vn/' };
const user = '11111111-1111-4111-8111-111111111111';
const course = '22222222-2222-4222-8222-222222222222';
const lessonKey = '33333333-3333-4333-8333-333333333333';

describe('xAPI mapping of learning events', () => {
  it('uuidV5 matches the RFC 4122 test vector and is deterministic', () => {
    // RFC 4122 / Python uuid.uuid5(NAMESPACE_DNS, 'python.org')
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('x')).toBe(uuidV5('x'));
    expect(uuidV5('x')).not.toBe(uuidV5('y'));
  });

  it('maps a watched stretch to a "progressed" statement on the video, with the course as parent', () => {
    const s = progressStatement(ctx, {
      userId: user, clientEventId: '44444444-4444-4444-8444-444444444444', courseId: course, lessonKey, kind: 'video',
      type: 'video_watched', fromSeconds: 10, toSeconds: 20, positionSeconds: 20, occurredAt: new Date('2026-12-01T10:00:00Z'),
    });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/progressed');
    expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://hocso.example.vn', name: user } });
    expect(s.object.id).toBe(`https://hocso.example.vn/xapi/activities/lessons/${lessonKey}`);
    expect(s.object.definition.type).toBe('https://w3id.org/xapi/video/activity-type/video');
    expect(s.context?.contextActivities?.parent?.[0]?.id).toBe(`https://hocso.example.vn/xapi/activities/courses/${course}`);
    expect(s.result?.extensions?.['https://w3id.org/xapi/video/extensions/played-segments']).toBe('10[.]20');
    expect(s.timestamp).toBe('2026-12-01T10:00:00.000Z');
    expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same statement id to the same event, and different ids to different events', () => {
    const e = { userId: user, clientEventId: '55555555-5555-4555-8555-555555555555', courseId: course, lessonKey, kind: 'text', type: 'text_opened', fromSeconds: null, toSeconds: null, positionSeconds: null, occurredAt: new Date() };
    expect(progressStatement(ctx, e).id).toBe(progressStatement(ctx, { ...e, occurredAt: new Date(0) }).id);
    expect(progressStatement(ctx, e).verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced');
    const done = lessonCompletedStatement(ctx, { userId: user, courseId: course, lessonKey, kind: 'text', source: 'text', completedAt: new Date() });
    expect(done.id).toBe(lessonCompletedStatement(ctx, { userId: user, courseId: course, lessonKey, kind: 'text', source: 'quiz', completedAt: new Date(0) }).id);
    expect(done.id).not.toBe(progressStatement(ctx, e).id);
  });

  it('maps enrolment and course completion', () => {
    const enrol = enrolmentStatement(ctx, { enrolmentId: '66666666-6666-4666-8666-666666666666', userId: user, courseId: course, versionNumber: 1, at: new Date() });
    expect(enrol.verb.id).toBe('http://adlnet.gov/expapi/verbs/registered');
    expect(enrol.context?.registration).toBe('66666666-6666-4666-8666-666666666666');
    const done = courseCompletedStatement(ctx, { completionId: '77777777-7777-4777-8777-777777777777', userId: user, courseId: course, completedAt: new Date() });
    expect(done).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, result: { completion: true } });
  });
});
