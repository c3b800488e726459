import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type StudioVersion = Schemas['StudioVersionDto'];
export type StudioModule = Schemas['StudioModuleDto'];
export type StudioLesson = Schemas['StudioLessonDto'];
export type StudioCourse = Schemas['StudioCourseDto'];
export type VersionSummary = Schemas['VersionSummaryDto'];
export type CreateCourseBody = Schemas['CreateCourseDto'];
export type UpdateVersionBody = Schemas['UpdateVersionDto'];
export type UpdateLessonBody = Schemas['UpdateLessonDto'];
export type LessonKind = Schemas['LessonKind'];
export type VersionStatus = Schemas['CourseVersionStatus'];
export type Changelog = Schemas['ChangelogDto'];
export type ReviewComment = Schemas['ReviewCommentDto'];
export type Preview = Schemas['PreviewDto'];
export type Coverage = Schemas['CourseCoverageDto'];
export type TranslationBody = Schemas['VersionTranslationDto'];
export type ContentLanguage = 'vi' | 'en';

export const LESSON_KINDS: readonly LessonKind[] = ['video', 'text', 'quiz', 'practice', 'resource'];
export const CONTENT_LANGUAGES: readonly ContentLanguage[] = ['vi', 'en'];

export const studioKeys = {
  courses: ['studio', 'courses'] as const,
  course: (id: string) => ['studio', 'course', id] as const,
  version: (id: string) => ['studio', 'version', id] as const,
  comments: (id: string) => ['studio', 'version', id, 'comments'] as const,
  changelog: (id: string, from?: string) => ['studio', 'version', id, 'changelog', from ?? ''] as const,
  preview: (id: string, lang: string) => ['studio', 'version', id, 'preview', lang] as const,
  coverage: (id: string, group: string) => ['studio', 'version', id, 'coverage', group] as const,
};

export function useStudioCourses() {
  return useQuery({ queryKey: studioKeys.courses, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/studio/courses', { signal })) });
}

export function useStudioCourse(courseId: string) {
  return useQuery({
    queryKey: studioKeys.course(courseId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/studio/courses/{courseId}', { params: { path: { courseId } }, signal })),
  });
}

export function useVersion(versionId: string | undefined) {
  return useQuery({
    queryKey: studioKeys.version(versionId ?? ''),
    enabled: !!versionId,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/studio/versions/{versionId}', { params: { path: { versionId: versionId! } }, signal })),
  });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCourseBody) => unwrap(api.POST('/api/v1/studio/courses', { body })),
    onSuccess: (version) => {
      queryClient.setQueryData(studioKeys.version(version.id), version);
      void queryClient.invalidateQueries({ queryKey: studioKeys.courses });
    },
  });
}

/**
 * Every change of a draft answers the whole version: it replaces the cached one, and lists that
 * depend on it (course, previews, coverage, changelog) are refreshed.
 */
export function useVersionMutation<A>(versionId: string, run: (args: A) => Promise<StudioVersion>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (version) => {
      queryClient.setQueryData(studioKeys.version(versionId), version);
      void queryClient.invalidateQueries({ queryKey: ['studio', 'version', versionId], predicate: (q) => q.queryKey.length > 3 });
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(version.courseId) });
      void queryClient.invalidateQueries({ queryKey: studioKeys.courses });
    },
  });
}

export const studioApi = {
  updateVersion: (versionId: string, body: UpdateVersionBody) =>
    unwrap(api.PATCH('/api/v1/studio/versions/{versionId}', { params: { path: { versionId } }, body })),
  setCover: (versionId: string, file: File) =>
    unwrap(
      api.PUT('/api/v1/studio/versions/{versionId}/cover', {
        params: { path: { versionId } },
        body: file as never,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    ),
  addModule: (versionId: string, title: string) =>
    unwrap(api.POST('/api/v1/studio/versions/{versionId}/modules', { params: { path: { versionId } }, body: { title } })),
  renameModule: (moduleId: string, title: string) => unwrap(api.PATCH('/api/v1/studio/modules/{moduleId}', { params: { path: { moduleId } }, body: { title } })),
  deleteModule: (moduleId: string) => unwrap(api.DELETE('/api/v1/studio/modules/{moduleId}', { params: { path: { moduleId } } })),
  addLesson: (moduleId: string, kind: LessonKind, title: string) =>
    unwrap(api.POST('/api/v1/studio/modules/{moduleId}/lessons', { params: { path: { moduleId } }, body: { kind, title, estimatedMinutes: 5 } })),
  updateLesson: (lessonId: string, body: UpdateLessonBody) =>
    unwrap(api.PATCH('/api/v1/studio/lessons/{lessonId}', { params: { path: { lessonId } }, body })),
  deleteLesson: (lessonId: string) => unwrap(api.DELETE('/api/v1/studio/lessons/{lessonId}', { params: { path: { lessonId } } })),
  reorder: (versionId: string, modules: { id: string; lessons: string[] }[]) =>
    unwrap(api.PUT('/api/v1/studio/versions/{versionId}/order', { params: { path: { versionId } }, body: { modules } })),
  setCompetencies: (lessonId: string, competencies: { competency: string; level: number }[], lang: ContentLanguage) =>
    unwrap(
      api.PUT('/api/v1/studio/lessons/{lessonId}/competencies', { params: { path: { lessonId }, query: { lang } }, body: { competencies } }),
    ),
  setTranslation: (versionId: string, language: ContentLanguage, body: TranslationBody) =>
    unwrap(api.PUT('/api/v1/studio/versions/{versionId}/translations/{language}', { params: { path: { versionId, language } }, body })),
  submit: (versionId: string, comment?: string) =>
    unwrap(api.POST('/api/v1/studio/versions/{versionId}/submit', { params: { path: { versionId } }, body: comment ? { comment } : {} })),
  withdraw: (versionId: string) => unwrap(api.POST('/api/v1/studio/versions/{versionId}/withdraw', { params: { path: { versionId } } })),
};

export function useStartDraft(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/studio/courses/{courseId}/drafts', { params: { path: { courseId } } })),
    onSuccess: (version) => {
      queryClient.setQueryData(studioKeys.version(version.id), version);
      void queryClient.invalidateQueries({ queryKey: studioKeys.course(courseId) });
      void queryClient.invalidateQueries({ queryKey: studioKeys.courses });
    },
  });
}

export function useDeleteCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => unwrap(api.DELETE('/api/v1/studio/courses/{courseId}', { params: { path: { courseId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studioKeys.courses }),
  });
}

export function useAuthorComments(versionId: string) {
  return useQuery({
    queryKey: studioKeys.comments(versionId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/studio/versions/{versionId}/comments', { params: { path: { versionId } }, signal })),
  });
}

export function useAuthorComment(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; parentId?: string }) =>
      unwrap(api.POST('/api/v1/studio/versions/{versionId}/comments', { params: { path: { versionId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studioKeys.comments(versionId) }),
  });
}

export function useAuthorChangelog(versionId: string, enabled: boolean) {
  return useQuery({
    queryKey: studioKeys.changelog(versionId),
    enabled,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/studio/versions/{versionId}/changelog', { params: { path: { versionId } }, signal })),
  });
}

export function usePreview(versionId: string, lang: ContentLanguage) {
  return useQuery({
    queryKey: studioKeys.preview(versionId, lang),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/studio/versions/{versionId}/preview', { params: { path: { versionId }, query: { lang } }, signal })),
  });
}

export function useStudioCoverage(versionId: string, targetGroup: Schemas['TargetGroup'] | undefined) {
  return useQuery({
    queryKey: studioKeys.coverage(versionId, targetGroup ?? ''),
    enabled: !!targetGroup,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/studio/versions/{versionId}/coverage', { params: { path: { versionId }, query: { targetGroup: targetGroup! } }, signal })),
  });
}

/** The full order of a version, as the reorder API takes it. */
export function orderOf(version: Pick<StudioVersion, 'modules'>): { id: string; lessons: string[] }[] {
  return version.modules.map((m) => ({ id: m.id, lessons: m.lessons.map((l) => l.id) }));
}

/** The version to edit: the open draft (or the one in review), else the newest. */
export function currentVersionOf(course: StudioCourse): VersionSummary | undefined {
  return course.versions.find((v) => v.status === 'draft' || v.status === 'in_review') ?? course.versions[0];
}
