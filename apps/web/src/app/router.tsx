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
                  path: 'xac-nhan',
                  loader: requireUser(queryClient, ['administrator']),
                  lazy: { Component: async () => (await withMessages(['admin', 'certificates'], () => import('../features/certificates/ConfirmationsPage'))).ConfirmationsPage },
                },
                {
                  path: 'ho-gia-dinh',
                  lazy: { Component: async () => (await withMessages('admin', () => import('../features/admin/HouseholdsPage'))).HouseholdsPage },
                },
                {
                  path: 'xapi',
                  loader: requireUser(queryClient, ['administrator']),
                  lazy: { Component: async () => (await withMessages(['admin', 'xapi'], () => import('../features/xapi/XapiClientsPage'))).XapiClientsPage },
                },
              ],
            },
            {
              path: 'khoa-hoc/:slug',
              loader: () => {
                void queryClient.prefetchQuery(coursesQueryOptions(currentLanguage()));
                return null;
              },
              lazy: { Component: async () => (await withMessages('learn', () => import('../features/catalog/CoursePage'))).CoursePage },
            },
            {
              path: 'hoc/:slug',
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('learn', () => import('../features/learn/LearnPage'))).LearnPage },
            },
            {
              path: 'hoc/:slug/bai/:lessonId',
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('learn', () => import('../features/learn/LessonPage'))).LessonPage },
            },
            {
              path: 'hoc/:slug/kiem-tra/:lessonId',
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages(['learn', 'assessment'], () => import('../features/quiz/QuizPage'))).QuizPage },
            },
            {
              path: segment(paths.itemBank),
              loader: requireUser(queryClient, ['author', 'administrator']),
              lazy: { Component: async () => (await withMessages('assessment', () => import('../features/item-bank/ItemBankPage'))).ItemBankPage },
            },
            {
              path: segment(paths.studio),
              loader: requireUser(queryClient, ['author', 'administrator']),
              lazy: { Component: async () => (await withMessages(['studio', 'archives'], () => import('../features/studio/StudioPage'))).StudioPage },
            },
            {
              path: 'studio/khoa-hoc/:courseId',
              loader: requireUser(queryClient, ['author', 'administrator']),
              lazy: { Component: async () => (await withMessages(['studio', 'media', 'archives'], () => import('../features/studio/CourseEditorPage'))).CourseEditorPage },
            },
            {
              path: segment(paths.review),
              loader: requireUser(queryClient, ['reviewer', 'administrator']),
              lazy: { Component: async () => (await withMessages('studio', () => import('../features/review/ReviewQueuePage'))).ReviewQueuePage },
            },
            {
              path: 'duyet/:versionId',
              loader: requireUser(queryClient, ['reviewer', 'administrator']),
              lazy: { Component: async () => (await withMessages(['studio', 'media'], () => import('../features/review/ReviewPage'))).ReviewPage },
            },
            {
              path: segment(paths.studioImport),
              loader: requireUser(queryClient, ['author', 'administrator']),
              lazy: { Component: async () => (await withMessages('archives', () => import('../features/archives/ImportArchivePage'))).ImportArchivePage },
            },
            {
              path: segment(paths.grading),
              loader: requireUser(queryClient, ['author', 'reviewer', 'administrator']),
              lazy: { Component: async () => (await withMessages('assessment', () => import('../features/item-bank/ReviewQueuePage'))).ReviewQueuePage },
            },
            {
              path: segment(paths.myLearning),
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('learn', () => import('../features/dashboard/DashboardPage'))).DashboardPage },
            },
            {
              path: segment(paths.myCertificates),
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('certificates', () => import('../features/certificates/MyCertificatesPage'))).MyCertificatesPage },
            },
            {
              path: segment(paths.verifyCertificate),
              lazy: { Component: async () => (await withMessages('certificates', () => import('../features/certificates/VerifyPage'))).VerifyPage },
            },
            {
              path: 'xac-minh/:serial',
              lazy: { Component: async () => (await withMessages('certificates', () => import('../features/certificates/VerifyPage'))).VerifyPage },
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
