import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { coursesQueryOptions } from '../features/catalog/useCourses';
import { RootErrorPage, RouteErrorPage } from '../features/errors/RouteErrorPage';
import { currentLanguage } from '../i18n';
import { Layout } from './Layout';

/**
 * Every page is its own chunk (`lazy`). A page's data may be prefetched by a tiny loader kept in
 * the main chunk, so that its request runs in parallel with the download of the page's code.
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
              path: 'frameworks',
              lazy: {
                Component: async () => (await import('../features/frameworks/FrameworksPage')).FrameworksPage,
              },
            },
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
