import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

const keys = {
  queue: ['reviews'] as const,
  version: (id: string) => ['reviews', id] as const,
  comments: (id: string) => ['reviews', id, 'comments'] as const,
  changelog: (id: string) => ['reviews', id, 'changelog'] as const,
};

export function useReviewQueue() {
  return useQuery({ queryKey: keys.queue, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reviews', { signal })) });
}

export function useReviewVersion(versionId: string) {
  return useQuery({
    queryKey: keys.version(versionId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reviews/{versionId}', { params: { path: { versionId } }, signal })),
  });
}

export function useReviewChangelog(versionId: string) {
  return useQuery({
    queryKey: keys.changelog(versionId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reviews/{versionId}/changelog', { params: { path: { versionId } }, signal })),
  });
}

export function useReviewComments(versionId: string) {
  return useQuery({
    queryKey: keys.comments(versionId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/reviews/{versionId}/comments', { params: { path: { versionId } }, signal })),
  });
}

export function useReviewComment(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; parentId?: string }) => unwrap(api.POST('/api/v1/reviews/{versionId}/comments', { params: { path: { versionId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.comments(versionId) }),
  });
}

export function useDecision(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ approve, comment }: { approve: boolean; comment: string }) =>
      approve
        ? unwrap(api.POST('/api/v1/reviews/{versionId}/approve', { params: { path: { versionId } }, body: comment ? { comment } : {} }))
        : unwrap(api.POST('/api/v1/reviews/{versionId}/reject', { params: { path: { versionId } }, body: { comment } })),
    onSuccess: (version) => {
      queryClient.setQueryData(keys.version(versionId), version);
      void queryClient.invalidateQueries({ queryKey: keys.queue, exact: true });
      void queryClient.invalidateQueries({ queryKey: keys.comments(versionId) });
      void queryClient.invalidateQueries({ queryKey: ['courses'] });
    },
  });
}
