import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from '../api/errors';

/** Defaults for learners on slow, flaky mobile networks. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        // Two more tries for network and server errors, never for a 4xx.
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
        // 1 s then 2 s (capped at 8 s), with jitter so a whole class does not retry in step.
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000) * (0.75 + Math.random() * 0.5),
      },
      mutations: { retry: false },
    },
  });
}
