import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Me, type SignUpBody } from '../../api/client';
import { unwrap } from '../../api/errors';
import { currentLanguage, DEFAULT_LANGUAGE } from '../../i18n';
import { DEFAULT_DISPLAY_PREFERENCES, getDisplayPreferences } from '../../ui/preferences';
import { meQueryKey, setMe } from './session';

/** Which ways of signing in the site offers (the national digital ID only when configured). */
export const authProvidersQueryOptions = queryOptions({
  queryKey: ['auth', 'providers'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/providers', { signal })),
  staleTime: 30 * 60_000,
});

export function useAuthProviders() {
  return useQuery(authProvidersQueryOptions);
}

/** Where the national-ID sign-in (or linking) starts: a page the browser opens, not a fetch. */
export function nationalIdStartUrl(options: { returnTo?: string; link?: boolean }): string {
  const params = new URLSearchParams();
  if (options.link) params.set('link', '1');
  if (options.returnTo) params.set('returnTo', options.returnTo);
  const query = params.toString();
  return `/api/v1/auth/oidc/start${query ? `?${query}` : ''}`;
}

/** A new session replaces the old: drop what was cached for whoever used the phone before. */
function startSession(queryClient: ReturnType<typeof useQueryClient>, me: Me): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== 'auth' });
  setMe(queryClient, me);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { identifier: string; password: string }) => unwrap(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

/**
 * Sign-up signs in too. Display choices made on this device before signing up (text size,
 * contrast, language) are then saved to the new account, so they follow the person.
 */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SignUpBody) => {
      const me = await unwrap(api.POST('/api/v1/auth/sign-up', { body }));
      startSession(queryClient, me);
      const display = getDisplayPreferences();
      const language = currentLanguage();
      const changed =
        display.fontSize !== DEFAULT_DISPLAY_PREFERENCES.fontSize ||
        display.contrast !== DEFAULT_DISPLAY_PREFERENCES.contrast ||
        display.reducedMotion !== DEFAULT_DISPLAY_PREFERENCES.reducedMotion ||
        language !== DEFAULT_LANGUAGE;
      if (!changed) return me;
      try {
        return await unwrap(api.PATCH('/api/v1/me', { body: { preferences: { ...display, language } } }));
      } catch {
        return me; // kept on this device anyway; saved the next time they are changed
      }
    },
    onSuccess: (me) => setMe(queryClient, me),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (identifier: string) => unwrap(api.POST('/api/v1/auth/password-reset/request', { body: { identifier } })),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });
}
