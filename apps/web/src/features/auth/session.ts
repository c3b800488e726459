import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, type Me, type Preferences, type Role, type UpdateProfileBody } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { setLanguage } from '../../i18n';
import { getDisplayPreferences, mergeDisplayPreferences, setDisplayPreferences } from '../../ui/preferences';

/**
 * The session, as the web app sees it. The API keeps it in an HttpOnly cookie that no script can
 * read; `GET /api/v1/auth/me` says who is signed in (401: nobody) and gives the CSRF token that the
 * API client sends back on every non-GET request. Kept small: it is part of the first page's chunk.
 */
export const meQueryKey = ['me'] as const;

/** Signed in: the account; signed out: null. Network and server errors are thrown (and retried). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return remember(await unwrap(api.GET('/api/v1/auth/me', { signal })));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Keeps the session's CSRF token for the API client. */
export function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    // Who is signed in changes only through this app's own mutations (which update it) or expiry.
    staleTime: 5 * 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

export type CurrentUser = Me;

/** Officials (scoped to their units) and administrators see the administration area. */
export const ADMIN_AREA_ROLES: readonly Role[] = ['administrator', 'official'];

export function hasAnyRole(user: Pick<Me, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((held) => roles.includes(held.role));
}

export function canAdminister(user: Pick<Me, 'roles'>): boolean {
  return hasAnyRole(user, ADMIN_AREA_ROLES);
}

/** After sign-in, sign-up or a profile change: the API answered with the account; no refetch needed. */
export function setMe(queryClient: QueryClient, me: Me | null): void {
  if (me) remember(me);
  else setCsrfToken(undefined);
  queryClient.setQueryData(meQueryKey, me);
}

/**
 * Sign out: the session ends on the server; everything cached for this user is dropped (another
 * person may use the phone next).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await unwrap(api.POST('/api/v1/auth/sign-out'));
      } catch (error) {
        // Already signed out (session expired): that is what was wanted.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      setMe(queryClient, null);
    },
  });
}

/**
 * Changes preferences: applied on this device at once (and remembered here), then saved to the
 * account when someone is signed in. Resolves with the account (null when signed out).
 */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (preferences: Preferences): Promise<Me | null> => {
      const { language, ...display } = preferences;
      setDisplayPreferences(mergeDisplayPreferences(getDisplayPreferences(), display));
      if (language) await setLanguage(language);
      if (!queryClient.getQueryData(meQueryKey)) return null;
      return unwrap(api.PATCH('/api/v1/me', { body: { preferences } }));
    },
    onSuccess: (me) => {
      if (me) setMe(queryClient, me);
    },
  });
}

/** Changes the signed-in user's profile (PATCH /api/v1/me: only the fields given). */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (me) => setMe(queryClient, me),
    onError: (error) => {
      // The session ended meanwhile: the header must say so too.
      if (error instanceof ApiError && error.status === 401) setMe(queryClient, null);
    },
  });
}
