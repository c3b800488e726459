import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, redirect, useLocation, type RouteObject } from 'react-router';
import { coursesQueryOptions } from '../features/catalog/useCourses';
import { ADMIN_AREA_ROLES } from '../features/auth/session';
import { RootErrorPage, RouteErrorPage } from '../features/errors/RouteErrorPage';
import { currentLanguage, withMessages } from '../i18n';
import { requireUser } from './guards';
import { Layout } from './Layout';
import { paths } from './paths';

/** An old or foreign address of a page: the same page, keeping the query and the fragment. */
function alias(to: string): RouteObject['Component'] {
  return function Alias() {
    const { search, hash } = useLocation();
    return <Navigate to={{ pathname: to, search, hash }} replace />;
  };
}

const segment = (path: string) => path.replace(/^\//, '');

/**
 * Every page is its own chunk (`lazy`). A page's data may be prefetched by a tiny loader kept in
 * the main chunk, so that its request runs in parallel with the download of the page's code.
 * Addresses are in `paths.ts`. Pages for signed-in people (and administration) have a guard.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      Component: Layout,
      ErrorBoundary: RootErrorPage,
      HydrateFallback: () => null, // the "Đang tải… / Loading…" of index.html stays meanwhile
      children: [
        {
          // Errors of a page render inside the layout, so header and navigation remain.
          ErrorBoundary: RouteErrorPage,
          children: [
            {
              index: true,
              loader: () => {
                void queryClient.prefetchQuery(coursesQueryOptions(currentLanguage()));
                return null;
              },
              lazy: {
                Component: async () => (await import('../features/catalog/CatalogPage')).CatalogPage,
              },
            },
            {
              path: segment(paths.frameworks),
              lazy: {
                Component: async () => (await import('../features/frameworks/FrameworksPage')).FrameworksPage,
              },
            },
            {
              path: segment(paths.signUp),
              lazy: { Component: async () => (await withMessages('account', () => import('../features/auth/SignUpPage'))).SignUpPage },
            },
            {
              path: segment(paths.signIn),
              lazy: { Component: async () => (await withMessages('account', () => import('../features/auth/SignInPage'))).SignInPage },
            },
            {
              path: segment(paths.forgotPassword),
              lazy: { Component: async () => (await withMessages('account', () => import('../features/auth/ForgotPasswordPage'))).ForgotPasswordPage },
            },
            {
              path: segment(paths.resetPassword),
              lazy: { Component: async () => (await withMessages('account', () => import('../features/auth/ResetPasswordPage'))).ResetPasswordPage },
            },
            {
              path: segment(paths.display),
              lazy: { Component: async () => (await withMessages('account', () => import('../features/profile/DisplayPage'))).DisplayPage },
            },
            {
              path: segment(paths.profile),
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('account', () => import('../features/profile/ProfilePage'))).ProfilePage },
            },
            {
              path: segment(paths.admin),
              loader: requireUser(queryClient, ADMIN_AREA_ROLES),
              lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/AdminLayout'))).AdminLayout },
              children: [
                { index: true, loader: () => redirect(paths.adminUsers) },
                {
                  path: 'nguoi-dung',
                  lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/UsersPage'))).UsersPage },
                },
                {
                  path: 'nguoi-dung/:userId',
                  lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/UserPage'))).UserPage },
                },
                {
                  path: 'don-vi',
                  lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/UnitsPage'))).UnitsPage },
                },
                {
                  path: 'don-vi/:unitId',
                  lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/UnitsPage'))).UnitsPage },
                },
                {
                  path: 'ho-gia-dinh',
                  lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/HouseholdsPage'))).HouseholdsPage },
                },
              ],
            },
            // The address of this page before the app's addresses became Vietnamese.
            { path: 'frameworks', Component: alias(paths.frameworks) },
            {
              path: '*',
              lazy: {
                Component: async () => (await import('../features/errors/NotFoundPage')).NotFoundPage,
              },
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
