import { useMutation } from '@tanstack/react-query';
import { CSRF_HEADER } from '../../api/client';
import { ApiError, isErrorResponse } from '../../api/errors';

/** What the API answers after an import: the new draft course. */
export interface ImportedCourse {
  courseId: string;
  slug: string;
  versionId: string;
  title: string;
  lessonCount: number;
  videoCount: number;
}

/** The largest archive the API takes (1 GiB); checked here too so nobody waits for a refused upload. */
export const ARCHIVE_MAX_BYTES = 1024 * 1024 * 1024;

/** The API ends refusal messages with the reason's code in brackets, e.g. "… [path_traversal]". */
export function splitRefusal(message: string): { text: string; code: string | null } {
  const match = /^(.*?)\s*\[([a-z_]+)\]$/s.exec(message);
  return match ? { text: match[1]!, code: match[2]! } : { text: message, code: null };
}

async function failure(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  return new ApiError(response.status, isErrorResponse(body) ? body : undefined, response.headers.get('x-request-id') ?? undefined);
}

/** POST the .zip itself (application/zip; not JSON, so plain fetch with the session's CSRF token). */
export function useImportArchive(csrfToken: string | undefined, language: string) {
  return useMutation({
    mutationFn: async (file: File): Promise<ImportedCourse> => {
      const response = await fetch(`/api/v1/studio/archives?lang=${language === 'en' ? 'en' : 'vi'}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/zip', accept: 'application/json', ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}) },
        body: file,
      });
      if (!response.ok) throw await failure(response);
      return (await response.json()) as ImportedCourse;
    },
  });
}

/** Downloads a course version's archive and hands it to the browser as a file. */
export function useExportArchive() {
  return useMutation({
    mutationFn: async ({ courseId, version }: { courseId: string; version?: number }): Promise<string> => {
      const query = version ? `?version=${version}` : '';
      const response = await fetch(`/api/v1/studio/courses/${encodeURIComponent(courseId)}/archive${query}`, { credentials: 'same-origin' });
      if (!response.ok) throw await failure(response);
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'course.zip';
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return filename;
    },
  });
}
