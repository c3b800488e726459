import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import IORedis, { type Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { redisOptionsFromUrl } from '../../queue/redis-connection';

/** Who an event is for: the projector (facilitator), attendees' phones, or both. */
export type Audience = 'projector' | 'phones';

export interface LiveEvent {
  event: string;
  data: unknown;
}

interface Envelope extends LiveEvent {
  to: Audience[];
  classId: string;
}

type Listener = (envelope: Envelope) => void;

/** Seconds between heartbeat comments (proxies close idle connections; phones see a dead link). */
export const HEARTBEAT_MS = 15_000;

/**
 * Live events of classes over server-sent events, across API replicas: an event is published on the
 * Redis channel of its class (`<QUEUE_PREFIX>:community:class:<id>`), and every replica forwards what
 * its Redis subscription receives to the SSE streams it holds for that class. One subscriber
 * connection per process; a channel is subscribed while a local stream needs it.
 */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly logger = new Logger(LiveHub.name);
  private readonly pub: Redis;
  private sub: Redis | null = null;
  private readonly prefix: string;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly streams = new Set<() => void>();

  constructor(private readonly config: AppConfig) {
    this.pub = new IORedis({ ...redisOptionsFromUrl(config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'hocso-community-pub' });
    this.pub.on('error', () => undefined);
    this.prefix = `${config.QUEUE_PREFIX}:community:class:`;
  }

  /** Publishes an event of a class (after the change committed). A Redis failure is logged, never thrown: the data is in PostgreSQL. */
  async publish(classId: string, to: Audience[], event: string, data: unknown): Promise<void> {
    const envelope: Envelope = { classId, to, event, data };
    try {
      await this.pub.publish(this.prefix + classId, JSON.stringify(envelope));
    } catch (error) {
      this.logger.warn({ err: error, classId, event }, 'could not publish a live event');
    }
  }

  /**
   * Takes over the reply as an SSE stream for one audience of a class: subscribes first, then sends
   * what `snapshot` returns (the current state, so a reconnecting client — with or without
   * Last-Event-ID — misses nothing), then forwards events; heartbeat comments every 15 s.
   */
  async stream(request: FastifyRequest, reply: FastifyReply, classId: string, audience: Audience, snapshot: () => Promise<LiveEvent[]>, filter?: (e: LiveEvent) => LiveEvent | null): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(': connected\n\n');
    let closed = false;
    let sequence = 0;
    const send = (e: LiveEvent) => {
      if (closed) return;
      sequence += 1;
      raw.write(`id: ${Date.now()}-${sequence}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    };
    const listener: Listener = (envelope) => {
      if (!envelope.to.includes(audience)) return;
      const out = filter ? filter(envelope) : envelope;
      if (out) send(out);
    };
    const heartbeat = setInterval(() => {
      if (!closed) raw.write(': ping\n\n');
    }, HEARTBEAT_MS);
    const end = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      this.streams.delete(end);
      void this.removeListener(classId, listener);
      if (!raw.writableEnded) raw.end();
    };
    this.streams.add(end);
    request.raw.on('close', end);
    raw.on('error', end);
    try {
      await this.addListener(classId, listener);
      for (const e of await snapshot()) send(e);
    } catch (error) {
      this.logger.warn({ err: error, classId }, 'could not start a live stream');
      end();
    }
  }

  private async subscriber(): Promise<Redis> {
    if (this.sub) return this.sub;
    const sub = new IORedis({ ...redisOptionsFromUrl(this.config.REDIS_URL), maxRetriesPerRequest: 2, connectionName: 'hocso-community-sub' });
    sub.on('error', () => undefined);
    sub.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message) as Envelope;
      } catch {
        return;
      }
      for (const listener of set) listener(envelope);
    });
    this.sub = sub;
    return sub;
  }

  private async addListener(classId: string, listener: Listener): Promise<void> {
    const channel = this.prefix + classId;
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      set.add(listener);
      await (await this.subscriber()).subscribe(channel);
    } else set.add(listener);
  }

  private async removeListener(classId: string, listener: Listener): Promise<void> {
    const channel = this.prefix + classId;
    const set = this.listeners.get(channel);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) {
      this.listeners.delete(channel);
      await this.sub?.unsubscribe(channel).catch(() => undefined);
    }
  }

  /** Ends open streams before the HTTP server closes (it would wait for them), then the connections. */
  async onModuleDestroy(): Promise<void> {
    for (const end of [...this.streams]) end();
    for (const client of [this.sub, this.pub]) {
      if (!client) continue;
      if (client.status === 'ready') await client.quit().catch(() => undefined);
      else client.disconnect();
    }
  }
}
