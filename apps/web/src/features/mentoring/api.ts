import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/errors';
import type { Language } from '../../i18n';

type Schemas = components['schemas'];
export type MenteeList = Schemas['MenteeListDto'];
export type MenteeSummary = Schemas['MenteeSummaryDto'];
export type MenteeDetail = Schemas['MenteeDetailDto'];
export type Mentorship = Schemas['MentorshipDto'];
export type Nudge = Schemas['NudgeDto'];
export type NudgePreset = Schemas['NudgePreset'];
export type StuckReason = Schemas['StuckReasonDto'];
export type MyMentoring = Schemas['MyMentoringDto'];
export type UnitMentors = Schemas['UnitMentorsDto'];

export const NUDGE_PRESETS: readonly NudgePreset[] = ['keep_going', 'finish_lesson', 'retry_quiz', 'come_back', 'need_help'];
export const NOTE_MAX = 200;

/**
 * Data of the Digital Ambassador pages. The API limits every answer to the caller: a mentor sees
 * only their active mentees (anyone else is a 404), an official only mentors living in their area.
 */
const key = {
  mentees: (lang: Language) => ['mentoring', 'mentees', lang] as const,
  mentee: (id: string, lang: Language) => ['mentoring', 'mentee', id, lang] as const,
  mine: ['mentoring', 'mine'] as const,
  unit: (all: boolean) => ['mentoring', 'unit', all] as const,
};

export function useMentees(lang: Language) {
  return useQuery({
    queryKey: key.mentees(lang),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/mentoring/mentees', { params: { query: { lang } }, signal })),
  });
}

export function useMentee(menteeId: string, lang: Language) {
  return useQuery({
    queryKey: key.mentee(menteeId, lang),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/mentoring/mentees/{menteeId}', { params: { path: { menteeId }, query: { lang } }, signal })),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useInviteMentee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (identifier: string) => unwrap(api.POST('/api/v1/mentoring/invitations', { body: { identifier } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mentoring', 'mentees'] }),
  });
}

export function useEndMentorship() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (menteeId: string) => unwrap(api.DELETE('/api/v1/mentoring/mentees/{menteeId}', { params: { path: { menteeId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}

/** Sends a nudge; the client id is made once per nudge by the caller, so a retry is harmless. */
export function useSendNudge(menteeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { clientId: string; preset: NudgePreset; note?: string }) =>
      unwrap(api.POST('/api/v1/mentoring/mentees/{menteeId}/nudges', { params: { path: { menteeId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}

export function useMyMentoring() {
  return useQuery({ queryKey: key.mine, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/mentoring', { signal })) });
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, accept }: { id: string; accept: boolean }) => {
      if (accept) await unwrap(api.POST('/api/v1/me/mentoring/invitations/{id}/accept', { params: { path: { id } } }));
      else await unwrap(api.POST('/api/v1/me/mentoring/invitations/{id}/decline', { params: { path: { id } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key.mine }),
  });
}

export function useLeaveMentor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/mentoring/mentor')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key.mine }),
  });
}

/** Marks nudges as read (after they were shown); the list keeps showing them as new until reloaded. */
export function useMarkNudgesRead() {
  return useMutation({
    mutationFn: (ids: readonly string[]) => Promise.all(ids.map((id) => unwrap(api.POST('/api/v1/me/mentoring/nudges/{id}/read', { params: { path: { id } } })))),
  });
}

export function useAssignMentee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { mentor: string; mentee: string }) => unwrap(api.POST('/api/v1/mentoring/unit-mentors/assignments', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mentoring', 'unit'] }),
  });
}

export function useUnitMentors(all: boolean) {
  return useQuery({
    queryKey: key.unit(all),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/mentoring/unit-mentors', { params: { query: all ? { all: 'true' } : {} }, signal })),
  });
}
