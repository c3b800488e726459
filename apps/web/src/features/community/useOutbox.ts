import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { refreshAfterSent, sendOutboxItem } from './api';
import { outboxFor, type Outbox } from './outbox';

/** The signed-in person's outbox (one per account for the visit); refreshes what a sent action changed. */
export function useCommunityOutbox(userId: string): Outbox {
  const queryClient = useQueryClient();
  const outbox = useMemo(() => outboxFor(userId, sendOutboxItem), [userId]);
  useEffect(() => outbox.onSent((item) => refreshAfterSent(queryClient, item)), [outbox, queryClient]);
  return outbox;
}
