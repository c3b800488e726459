import { ApiError, isRetryable } from '../../api/errors';
import { saveAnswer, type Answer } from './api';

/**
 * Answers not yet confirmed by the server, kept in localStorage per attempt, so a lost connection
 * or a closed tab loses nothing: they are sent again when the connection returns or the page reloads.
 * Each PUT is idempotent (it replaces the item's answer), so sending one twice is harmless.
 */
export type SaveState = 'saved' | 'saving' | 'offline' | 'error' | 'closed';

interface Pending {
  answer: Answer;
  changedAt: number;
}

const key = (attemptId: string) => `hocso.quiz.${attemptId}`;

function read(attemptId: string): Record<string, Pending> {
  try {
    return JSON.parse(window.localStorage.getItem(key(attemptId)) ?? '{}') as Record<string, Pending>;
  } catch {
    return {};
  }
}

function write(attemptId: string, pending: Record<string, Pending>): void {
  try {
    if (Object.keys(pending).length) window.localStorage.setItem(key(attemptId), JSON.stringify(pending));
    else window.localStorage.removeItem(key(attemptId));
  } catch {
    // storage unavailable: answers still go to the server while online
  }
}

export class AnswerStore {
  private pending: Record<string, Pending>;
  private listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  state: SaveState = 'saved';

  constructor(readonly attemptId: string) {
    this.pending = read(attemptId);
    if (Object.keys(this.pending).length) this.state = 'saving';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Answers waiting to be sent (shown over the server's copy after a reload). */
  pendingAnswers(): Record<string, Answer> {
    return Object.fromEntries(Object.entries(this.pending).map(([id, p]) => [id, p.answer]));
  }

  get pendingCount(): number {
    return Object.keys(this.pending).length;
  }

  set(itemId: string, answer: Answer): void {
    this.pending[itemId] = { answer, changedAt: Date.now() };
    write(this.attemptId, this.pending);
    this.setState(navigator.onLine === false ? 'offline' : 'saving');
    this.schedule(300);
  }

  /** Sends every pending answer; resolves when none is left or the network is down. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async run(): Promise<void> {
    for (const [itemId, p] of Object.entries(this.pending)) {
      if (this.state === 'closed') return;
      try {
        await saveAnswer(this.attemptId, itemId, p.answer);
        // a newer change made meanwhile stays pending
        if (this.pending[itemId]?.changedAt === p.changedAt) delete this.pending[itemId];
        write(this.attemptId, this.pending);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          this.pending = {};
          write(this.attemptId, this.pending);
          this.setState('closed');
          return;
        }
        this.setState(isRetryable(error) ? 'offline' : 'error');
        this.schedule(5000);
        return;
      }
    }
    if (this.pendingCount === 0) this.setState('saved');
    else this.schedule(100);
  }

  schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
