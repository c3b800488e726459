import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/queryClient';
import { createAppRouter } from './app/router';
import { i18n, initI18n } from './i18n';
import { initDisplayPreferences } from './ui/preferences';

// Text size, contrast and motion chosen on this device: on <html> before anything is drawn.
initDisplayPreferences();

const container = document.getElementById('root');
if (!container) throw new Error('hocso: #root is missing from index.html');

const queryClient = createQueryClient();
// Created first: the router starts downloading the first page's chunk (and its data) while the
// translations initialise.
const router = createAppRouter(queryClient);

function render(): void {
  createRoot(container!).render(
    <StrictMode>
      <AppProviders i18n={i18n} queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

// Vietnamese is bundled, so this only waits when another language was chosen before.
initI18n().then(render, (error: unknown) => {
  console.error(error);
  render();
});
