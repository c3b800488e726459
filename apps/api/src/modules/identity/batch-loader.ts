/**
 * Group reads: keys asked for while a read is running (or in the same event-loop turn) are read
 * together in ONE call of `fetch`, started after they were asked for — so every answer is as fresh as a
 * read of its own would have been (nothing is cached: a revoked session is refused by the very next
 * request). Under load this turns N lookups per second into a few dozen queries per second; at low load
 * each key gets a read of its own right away (no added wait).
 */
export class BatchLoader<K, V> {
  private queue = new Map<K, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Reads many keys at once; a key missing from the answer resolves to undefined. */
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly options: { maxKeys: number; maxInFlight: number },
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.queue.size === 0 || this.inFlight >= this.options.maxInFlight) return;
    let batch: Map<K, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>;
    if (this.queue.size <= this.options.maxKeys) {
      batch = this.queue;
      this.queue = new Map();
    } else {
      batch = new Map();
      for (const [key, waiting] of this.queue) {
        batch.set(key, waiting);
        this.queue.delete(key);
        if (batch.size >= this.options.maxKeys) break;
      }
    }
    this.inFlight++;
    this.schedule(); // what is left may start another read, up to maxInFlight
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [key, waiting] of batch) for (const w of waiting) w.resolve(found.get(key));
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
