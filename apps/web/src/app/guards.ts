import type { QueryClient } from '@tanstack/react-query';
import { data, redirect, type LoaderFunctionArgs } from 'react-router';
import type { Me, Role } from '../api/client';
import { hasAnyRole, meQueryOptions } from '../features/auth/session';
import { signInPath } from './paths';

/**
 * Route guard (a loader): signed out → the sign-in page, which comes back here afterwards; signed in
 * without one of `roles` → a 403 that the route's error boundary shows as "not allowed". The API
 * checks again on every request; this only spares people pages they cannot use.
 */
export function requireUser(queryClient: QueryClient, roles?: readonly Role[]) {
  return async ({ request }: LoaderFunctionArgs): Promise<Me> => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    if (!me) {
      const url = new URL(request.url);
      throw redirect(signInPath(url.pathname + url.search));
    }
    if (roles && !hasAnyRole(me, roles)) throw data(null, { status: 403, statusText: 'Forbidden' });
    return me;
  };
}
