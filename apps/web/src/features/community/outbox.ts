import { openDB, type IDBPDatabase } from 'idb';
import { useSyncExternalStore } from 'react';
import { ApiError, isRetryable } from '../../api/errors';
import { newEventId } from '../learn/progressQueue';

/**
 * What a class session does while the network comes and goes (a commune hall on 3G): attendance
 * marks, walk-ins, check-ins and live-quiz answers. Each action gets a client id and is written to
 * IndexedDB first; it leaves only when the server has acknowledged it. The server is idempotent by
 * client id, so sending twice (a lost answer, a page reloaded mid-request) stores it once.
 * Actions go out one by one in the order they were made (a mark, then its correction); offline or
 * on errors they wait and are retried with backoff, and at once on `online`. The same pattern as
 * the learning progress queue (features/learn/progressQueue.ts), whose client-id helper it uses.
 */

export type OutboxAction =
  | { kind: 'attendance'; classId: string; sessionId: string; attendeeId: string; present: boolean }
  /** A walk-in added (and, with presentIn, marked present in that session under its own client id). */
  | { kind: 'walkIn'; classId: string; name: string; birthYear: number; presentIn?: { sessionId: string; clientId: string } }
  | { kind: 'checkIn'; sessionId: string; token: string }
  | { kind: 'answer'; classId: string; questionId: string; optionIds: string[] };

export interface OutboxItem {
  /** The client id, sent to the server with the action. */
  id: string;
  userId: string;
  action: OutboxAction;
  queuedAt: number;
}

export type OutboxState = 'saved' | 'syncing' | 'waiting' | 'offline';
export interface OutboxStatus {
  state: OutboxState;
  pending: number;
}

export interface OutboxStore {
  put(item: OutboxItem): Promise<void>;
  list(userId: string): Promise<OutboxItem[]>;
  remove(id: string): Promise<void>;
}

/** Sends one action with its client id; throws an ApiError (or a TypeError when the network fails). */
export type OutboxSender = (item: OutboxItem) => Promise<unknown>;

const DB_NAME = 'hocso-community';
const OUTBOX = 'outbox';
export const BUNDLES = 'bundles';
const MAX_BACKOFF_MS = 30_000;

export function memoryOutboxStore(): OutboxStore & { items: Map<string, OutboxItem> } {
  const items = new Map<string, OutboxItem>();
  return {
    items,
    put: async (item) => void items.set(item.id, item),
    list: async (userId) => [...items.values()].filter((i) => i.userId === userId).sort((a, b) => a.queuedAt - b.queuedAt),
    remove: async (id) => void items.delete(id),
  };
}

let database: Promise<IDBPDatabase> | undefined;

/** The feature's IndexedDB: the outbox and the presentations loaded ahead (see presenterCache.ts). */
export function communityDb(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore(OUTBOX, { keyPath: 'id' });
      outbox.createIndex('byUser', ['userId', 'queuedAt']);
      db.createObjectStore(BUNDLES);
    },
  });
  return database;
}

async function indexedDbStore(): Promise<OutboxStore> {
  const db = await communityDb();
  return {
    put: async (item) => void (await db.put(OUTBOX, item)),
    list: async (userId) =>
      (await db.getAllFromIndex(OUTBOX, 'byUser', IDBKeyRange.bound([userId, 0], [userId, Number.MAX_SAFE_INTEGER]))) as OutboxItem[],
    remove: (id) => db.delete(OUTBOX, id),
  };
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export class Outbox {
  private readonly store: Promise<OutboxStore>;
  private status: OutboxStatus = { state: 'saved', pending: 0 };
  private items: readonly OutboxItem[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(item: OutboxItem) => void>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly userId: string,
    private readonly send: OutboxSender,
    store?: OutboxStore,
  ) {
    this.store = store ? Promise.resolve(store) : indexedDbStore().catch(() => memoryOutboxStore());
    void this.refresh().then(() => this.flush());
  }

  getStatus = (): OutboxStatus => this.status;
  /** The actions waiting, oldest first (the UI shows their effect before the server has them). */
  getItems = (): readonly OutboxItem[] => this.items;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after the server acknowledged an action (to refresh what it changed). */
  onSent(listener: (item: OutboxItem) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /**
   * Keeps the action (IndexedDB first), then tries to send it. Resolves with its client id (pass the
   * one of a request that already failed, so that a repeat is recognised by the server).
   */
  async enqueue(action: OutboxAction, clientId: string = newEventId()): Promise<string> {
    const item: OutboxItem = { id: clientId, userId: this.userId, action, queuedAt: Date.now() + this.items.length / 1000 };
    // Shown at once, even before IndexedDB has written it.
    this.items = [...this.items, item];
    this.setStatus({ state: isOffline() ? 'offline' : 'waiting', pending: this.items.length }, true);
    await (await this.store).put(item);
    void this.flush();
    return item.id;
  }

  /** Sends what waits, in order, until nothing is left or sending fails. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    clearTimeout(this.retryTimer);
    this.flushing = this.run().finally(() => {
      this.flushing = null;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  private async run(): Promise<void> {
    const store = await this.store;
    for (;;) {
      await this.refresh();
      const [next] = this.items;
      if (!next) {
        this.failures = 0;
        this.setStatus({ state: 'saved', pending: 0 });
        return;
      }
      if (isOffline()) {
        this.setStatus({ state: 'offline', pending: this.items.length });
        return; // the `online` event flushes
      }
      this.setStatus({ state: 'syncing', pending: this.items.length });
      try {
        await this.send(next);
      } catch (error) {
        if (error instanceof ApiError && !isRetryable(error) && error.status !== 401 && error.status !== 403) {
          // Refused for good (e.g. the question was closed meanwhile): keeping it would block the rest.
          await store.remove(next.id);
          continue;
        }
        this.failures += 1;
        this.setStatus({ state: isOffline() ? 'offline' : 'waiting', pending: this.items.length });
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 5)) * (0.75 + Math.random() / 2);
        if (!this.disposed) this.retryTimer = setTimeout(() => void this.flush(), delay);
        return;
      }
      await store.remove(next.id);
      this.failures = 0;
      this.sentListeners.forEach((l) => l(next));
    }
  }

  private async refresh(): Promise<void> {
    this.items = await (await this.store).list(this.userId);
    this.setStatus({ state: this.items.length === 0 ? 'saved' : this.status.state === 'saved' ? 'waiting' : this.status.state, pending: this.items.length }, true);
  }

  private setStatus(next: OutboxStatus, itemsChanged = false): void {
    const same = next.state === this.status.state && next.pending === this.status.pending;
    if (!same) this.status = next;
    if (!same || itemsChanged) this.listeners.forEach((l) => l());
  }

  /** Resolves when no sending is in progress (tests). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
  }
}

const outboxes = new Map<string, Outbox>();
let onlineHooked = false;

/** One outbox per signed-in user for the whole visit (one account's actions never go out under another). */
export function outboxFor(userId: string, send: OutboxSender): Outbox {
  let outbox = outboxes.get(userId);
  if (!outbox) {
    outbox = new Outbox(userId, send);
    outboxes.set(userId, outbox);
  }
  if (!onlineHooked && typeof window !== 'undefined') {
    onlineHooked = true;
    window.addEventListener('online', () => outboxes.forEach((o) => void o.flush()));
  }
  return outbox;
}

export function useOutboxStatus(outbox: Outbox): OutboxStatus {
  return useSyncExternalStore(outbox.subscribe, outbox.getStatus, outbox.getStatus);
}

export function useOutboxItems(outbox: Outbox): readonly OutboxItem[] {
  return useSyncExternalStore(outbox.subscribe, outbox.getItems, outbox.getItems);
}
