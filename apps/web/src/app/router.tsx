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

/** Who runs community classes (the API checks the class's unit against their scope). */
const COMMUNITY_MANAGERS = ['facilitator', 'official', 'administrator'] as const;

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
                  path: 'bao-cao',
                  lazy: { Component: async () => (await withMessages(['admin', 'reports'], () => import('../features/reports/DashboardPage'))).DashboardPage },
                },
                {
                  path: 'bao-cao/:unitId',
                  lazy: { Component: async () => (await withMessages(['admin', 'reports'], () => import('../features/reports/DashboardPage'))).DashboardPage },
                },
                {
                  path: 'chi-tieu',
                  lazy: { Component: async () => (await withMessages(['admin', 'reports'], () => import('../features/reports/TargetsPage'))).TargetsPage },
                },
                {
                  path: 'bao-cao-dinh-ky',
                  lazy: { Component: async () => (await withMessages(['admin', 'reports'], () => import('../features/reports/PeriodicReportsPage'))).PeriodicReportsPage },
                },
                {
                  path: 'xapi',
                  loader: requireUser(queryClient, ['administrator']),
                  lazy: { Component: async () => (await withMessages(['admin', 'xapi'], () => import('../features/xapi/XapiClientsPage'))).XapiClientsPage },
                },
                {
                  path: 'dai-su-so',
                  lazy: { Component: async () => (await withMessages(['admin', 'mentoring'], () => import('../features/mentoring/UnitMentorsPage'))).UnitMentorsPage },
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
            // Community classes (issue 8): facilitators' pages, then learners' phone pages.
            {
              path: segment(paths.communityClasses),
              loader: requireUser(queryClient, COMMUNITY_MANAGERS),
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/ClassesPage'))).ClassesPage },
            },
            {
              path: 'lop-hoc/:classId',
              loader: requireUser(queryClient, COMMUNITY_MANAGERS),
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/ClassPage'))).ClassPage },
            },
            {
              path: 'lop-hoc/:classId/diem-danh/:sessionId',
              loader: requireUser(queryClient, COMMUNITY_MANAGERS),
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/AttendancePage'))).AttendancePage },
            },
            {
              path: segment(paths.join),
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/JoinPage'))).JoinPage },
            },
            {
              path: 'tham-gia/:code',
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/JoinPage'))).JoinPage },
            },
            {
              path: 'diem-danh/:sessionId',
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/CheckInPage'))).CheckInPage },
            },
            {
              path: 'lop-cua-toi/:classId',
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('community', () => import('../features/community/MyClassPage'))).MyClassPage },
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
              path: segment(paths.mentor),
              loader: requireUser(queryClient, ['mentor']),
              lazy: { Component: async () => (await withMessages('mentoring', () => import('../features/mentoring/MentorDashboardPage'))).MentorDashboardPage },
            },
            {
              path: 'dai-su-so/nguoi-hoc/:menteeId',
              loader: requireUser(queryClient, ['mentor']),
              lazy: { Component: async () => (await withMessages('mentoring', () => import('../features/mentoring/MenteePage'))).MenteePage },
            },
            {
              path: segment(paths.myMentor),
              loader: requireUser(queryClient),
              lazy: { Component: async () => (await withMessages('mentoring', () => import('../features/mentoring/MyMentoringPage'))).MyMentoringPage },
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
    {
      // The presenter view fills the projector: no site header or footer around it.
      path: 'lop-hoc/:classId/trinh-chieu/:sessionId',
      ErrorBoundary: RootErrorPage,
      HydrateFallback: () => null,
      loader: requireUser(queryClient, COMMUNITY_MANAGERS),
      lazy: { Component: async () => (await withMessages(['community', 'learn'], () => import('../features/community/PresenterPage'))).PresenterPage },
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
