import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/errors';
import type { Language } from '../../i18n';
import { newEventId } from '../learn/progressQueue';
import type { OutboxItem } from './outbox';

/*
 * The community-classes API (coord/community-api.md, module apps/api/src/modules/community),
 * through the app's typed openapi-fetch client (same cookie, CSRF middleware, error shape): paths,
 * parameters, bodies and answers are checked against schema.d.ts, generated from the API's DTOs.
 */
type Schemas = components['schemas'];
export type ClassSchedule = Schemas['ClassScheduleDto'];
export type SessionStatus = Schemas['ClassSessionStatus'];
export type Session = Schemas['SessionDto'];
export type CommunityClass = Schemas['ClassDto'];
export type CommunityUnit = Schemas['CommunityUnitDto'];
export type Attendee = Schemas['AttendeeDto'];
export type AttendanceRow = Schemas['AttendanceRowDto'];
export type SessionAttendance = Schemas['SessionAttendanceDto'];
export type LiveItemKind = Schemas['LiveKind'];
export type LiveOption = Schemas['LiveOptionDto'];
export type LiveItem = Schemas['LiveItemDto'];
export type LiveTally = Schemas['LiveTallyDto'];
export type LiveQuestion = Schemas['LiveQuestionDto'];
export type AttendeeQuestion = Schemas['AttendeeQuestionDto'];
export type Presentation = Schemas['PresentationDto'];
export type CheckInToken = Schemas['CheckInTokenDto'];
export type JoinPreview = Schemas['JoinPreviewDto'];
export type MyClass = Schemas['MyClassDto'];
export type CheckInResult = Schemas['CheckInResultDto'];
export type CreateClassBody = Schemas['CreateClassDto'];

const base = '/api/v1/community';

// ---------- facilitator ----------

export const keys = {
  classes: ['community', 'classes'] as const,
  class: (classId: string) => ['community', 'class', classId] as const,
  sessions: (classId: string) => ['community', 'class', classId, 'sessions'] as const,
  attendees: (classId: string) => ['community', 'class', classId, 'attendees'] as const,
  attendance: (classId: string, sessionId: string) => ['community', 'class', classId, 'attendance', sessionId] as const,
  presentation: (classId: string, sessionId: string, lang: Language) => ['community', 'class', classId, 'presentation', sessionId, { lang }] as const,
  myClass: (classId: string) => ['community', 'me', 'class', classId] as const,
};

export function useCommunityUnits() {
  return useQuery({
    queryKey: ['community', 'units'],
    queryFn: async ({ signal }) => await unwrap(api.GET('/api/v1/community/units', { signal })),
    staleTime: 10 * 60_000,
  });
}

export function useClasses() {
  return useQuery({
    queryKey: keys.classes,
    queryFn: async ({ signal }) => await unwrap(api.GET('/api/v1/community/classes', { signal })),
  });
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateClassBody) => await unwrap(api.POST('/api/v1/community/classes', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.class(created.id), created);
      void queryClient.invalidateQueries({ queryKey: keys.classes });
    },
  });
}

export function useClass(classId: string) {
  return useQuery({
    queryKey: keys.class(classId),
    queryFn: async ({ signal }) => await unwrap(api.GET('/api/v1/community/classes/{classId}', { params: { path: { classId } }, signal })),
  });
}

export function useSessions(classId: string) {
  return useQuery({
    queryKey: keys.sessions(classId),
    queryFn: async ({ signal }) =>
      await unwrap(api.GET('/api/v1/community/classes/{classId}/sessions', { params: { path: { classId } }, signal })),
  });
}

export function useGenerateSessions(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (weeks: number) =>
      await unwrap(api.POST('/api/v1/community/classes/{classId}/sessions/generate', { params: { path: { classId } }, body: { weeks } })),
    onSuccess: (data) => queryClient.setQueryData(keys.sessions(classId), data),
  });
}

export function useCreateSession(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { startsAt: string; durationMinutes?: number; lessonKey?: string; clientId: string }) =>
      await unwrap(api.POST('/api/v1/community/classes/{classId}/sessions', { params: { path: { classId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.sessions(classId) }),
  });
}

export function useClassLessons(classId: string) {
  return useQuery({
    queryKey: ['community', 'class', classId, 'lessons'],
    queryFn: async ({ signal }) =>
      await unwrap(api.GET('/api/v1/community/classes/{classId}/lessons', { params: { path: { classId } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateSession(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ sessionId, ...body }: { sessionId: string; lessonKey?: string | null; cancelled?: boolean }) =>
      await unwrap(api.PATCH('/api/v1/community/classes/{classId}/sessions/{sessionId}', { params: { path: { classId, sessionId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.sessions(classId) }),
  });
}

export async function startSession(classId: string, sessionId: string): Promise<Session> {
  return await unwrap(api.POST('/api/v1/community/classes/{classId}/sessions/{sessionId}/start', { params: { path: { classId, sessionId } } }));
}

export function useEndSession(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (sessionId: string) =>
      await unwrap(api.POST('/api/v1/community/classes/{classId}/sessions/{sessionId}/end', { params: { path: { classId, sessionId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.sessions(classId) }),
  });
}

export function useAttendees(classId: string) {
  return useQuery({
    queryKey: keys.attendees(classId),
    queryFn: async ({ signal }) =>
      await unwrap(api.GET('/api/v1/community/classes/{classId}/attendees', { params: { path: { classId } }, signal })),
  });
}

export function useLinkAttendee(classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ attendeeId, phone }: { attendeeId: string; phone: string }) =>
      await unwrap(api.POST('/api/v1/community/classes/{classId}/attendees/{attendeeId}/link', { params: { path: { classId, attendeeId } }, body: { phone } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.attendees(classId) }),
  });
}

export function attendanceQueryOptions(classId: string, sessionId: string) {
  return queryOptions({
    queryKey: keys.attendance(classId, sessionId),
    queryFn: async ({ signal }) =>
      await unwrap(
        api.GET('/api/v1/community/classes/{classId}/sessions/{sessionId}/attendance', { params: { path: { classId, sessionId } }, signal }),
      ),
    networkMode: 'offlineFirst',
  });
}

export function useAttendance(classId: string, sessionId: string) {
  return useQuery(attendanceQueryOptions(classId, sessionId));
}

export const attendanceCsvUrl = (classId: string) => `${base}/classes/${encodeURIComponent(classId)}/attendance.csv`;

export function presentationQueryOptions(classId: string, sessionId: string, lang: Language) {
  return queryOptions({
    queryKey: keys.presentation(classId, sessionId, lang),
    queryFn: async ({ signal }) =>
      await unwrap(
        api.GET('/api/v1/community/classes/{classId}/sessions/{sessionId}/presentation', { params: { path: { classId, sessionId }, query: { lang } }, signal }),
      ),
    networkMode: 'offlineFirst',
    staleTime: Infinity,
  });
}

export async function fetchCheckInToken(classId: string, sessionId: string, ttlMinutes = 240): Promise<CheckInToken> {
  return await unwrap(
    api.GET('/api/v1/community/classes/{classId}/sessions/{sessionId}/check-in-token', { params: { path: { classId, sessionId }, query: { ttlMinutes } } }),
  );
}

export async function launchQuestion(classId: string, sessionId: string, itemId: string, clientId: string): Promise<LiveQuestion> {
  return await unwrap(
    api.POST('/api/v1/community/classes/{classId}/sessions/{sessionId}/questions', { params: { path: { classId, sessionId } }, body: { itemId, clientId } }),
  );
}

export async function closeQuestion(classId: string, questionId: string): Promise<LiveQuestion> {
  return await unwrap(api.POST('/api/v1/community/classes/{classId}/questions/{questionId}/close', { params: { path: { classId, questionId } } }));
}

export async function fetchSessionQuestions(classId: string, sessionId: string): Promise<LiveQuestion[]> {
  const data = await unwrap(
    api.GET('/api/v1/community/classes/{classId}/sessions/{sessionId}/questions', { params: { path: { classId, sessionId } } }),
  );
  return data.questions;
}

export const projectorStreamUrl = (classId: string) => `${base}/classes/${encodeURIComponent(classId)}/live`;

// ---------- learners (phones) ----------

export function useJoinPreview(code: string) {
  return useQuery({
    queryKey: ['community', 'join', code],
    queryFn: async ({ signal }) => await unwrap(api.GET('/api/v1/community/join/{code}', { params: { path: { code } }, signal })),
    retry: false,
  });
}

export function useJoinClass(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => await unwrap(api.POST('/api/v1/community/join/{code}', { params: { path: { code } } })),
    onSuccess: (mine) => queryClient.setQueryData(keys.myClass(mine.classId), mine),
  });
}

export function useMyClass(classId: string) {
  return useQuery({
    queryKey: keys.myClass(classId),
    queryFn: async ({ signal }) => await unwrap(api.GET('/api/v1/community/me/classes/{classId}', { params: { path: { classId } }, signal })),
    networkMode: 'offlineFirst',
  });
}

export async function checkIn(sessionId: string, token: string, clientId: string): Promise<CheckInResult> {
  return await unwrap(api.POST('/api/v1/community/check-in', { body: { sessionId, token, clientId } }));
}

export const phoneStreamUrl = (classId: string) => `${base}/me/classes/${encodeURIComponent(classId)}/live`;

// ---------- the outbox's sender ----------

/** Sends one queued action (outbox.ts) to its endpoint, with its client id. */
export async function sendOutboxItem(item: OutboxItem): Promise<unknown> {
  const { action } = item;
  switch (action.kind) {
    case 'attendance':
      return unwrap(
        api.PUT('/api/v1/community/classes/{classId}/sessions/{sessionId}/attendance', {
          params: { path: { classId: action.classId, sessionId: action.sessionId } },
          body: { marks: [{ attendeeId: action.attendeeId, present: action.present, clientId: item.id, at: new Date(item.queuedAt).toISOString() }] },
        }),
      );
    case 'walkIn': {
      const attendee = await unwrap(
        api.POST('/api/v1/community/classes/{classId}/attendees', {
          params: { path: { classId: action.classId } },
          body: { name: action.name, birthYear: action.birthYear, clientId: item.id },
        }),
      );
      if (action.presentIn) {
        await unwrap(
          api.PUT('/api/v1/community/classes/{classId}/sessions/{sessionId}/attendance', {
            params: { path: { classId: action.classId, sessionId: action.presentIn.sessionId } },
            body: { marks: [{ attendeeId: attendee.id, present: true, clientId: action.presentIn.clientId, at: new Date(item.queuedAt).toISOString() }] },
          }),
        );
      }
      return attendee;
    }
    case 'checkIn':
      return checkIn(action.sessionId, action.token, item.id);
    case 'answer':
      return unwrap(
        api.POST('/api/v1/community/me/classes/{classId}/questions/{questionId}/answer', {
          params: { path: { classId: action.classId, questionId: action.questionId } },
          body: { optionIds: action.optionIds, clientId: item.id },
        }),
      );
  }
}

/** After an action reached the server: refresh what it changed. */
export function refreshAfterSent(queryClient: QueryClient, item: OutboxItem): void {
  const { action } = item;
  if (action.kind === 'attendance') void queryClient.invalidateQueries({ queryKey: keys.attendance(action.classId, action.sessionId) });
  if (action.kind === 'walkIn') {
    void queryClient.invalidateQueries({ queryKey: keys.attendees(action.classId) });
    if (action.presentIn) void queryClient.invalidateQueries({ queryKey: keys.attendance(action.classId, action.presentIn.sessionId) });
  }
  if (action.kind === 'answer' || action.kind === 'checkIn') void queryClient.invalidateQueries({ queryKey: ['community', 'me'] });
}

export { newEventId as newClientId };
