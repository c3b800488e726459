import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type XapiScope = components['schemas']['XapiScope'];
export type XapiClient = components['schemas']['XapiClientDto'];
export type IssuedXapiClient = components['schemas']['IssuedXapiClientDto'];

export const XAPI_SCOPES: readonly XapiScope[] = ['statements/write', 'statements/read/mine', 'statements/read', 'state', 'profile', 'define', 'all/read', 'all'];

const key = ['admin', 'xapi-clients'] as const;

/** Credentials of the learning record store (administrators). */
export function useXapiClients() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/xapi-clients', { signal })) });
}

export function useIssueXapiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: XapiScope[] }) => unwrap(api.POST('/api/v1/admin/xapi-clients', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeXapiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/admin/xapi-clients/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
