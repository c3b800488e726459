import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { XAPI_SCOPES, XapiClient, type XapiScope } from './entities/xapi-client.entity';
import type { JsonObject } from './xapi-validation';

/** Who is calling the LRS (from HTTP Basic credentials), as the guard puts it on the request. */
export interface XapiCaller {
  clientId: string | null;
  key: string;
  name: string;
  scopes: XapiScope[];
}

/** The platform itself, authority of the statements mirrored from learning events. */
export const PLATFORM_CALLER: XapiCaller = { clientId: null, key: 'hocso-platform', name: 'hocso', scopes: ['all'] };

export function hashSecret(clientId: string, secret: string): string {
  return createHmac('sha256', clientId).update(secret).digest('hex');
}

export interface IssuedClient {
  client: XapiClient;
  secret: string;
}

/** Issues, lists, revokes and checks the LRS client credentials. */
@Injectable()
export class XapiClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The authority Agent of a caller: an account on this platform named by the client key. */
  authorityOf(caller: XapiCaller): JsonObject {
    return { objectType: 'Agent', name: caller.name, account: { homePage: this.config.PUBLIC_URL, name: caller.key } };
  }

  async issue(user: AuthUser, name: string, scopes: XapiScope[], requestId: string): Promise<IssuedClient> {
    const unique = [...new Set(scopes)];
    if (unique.length === 0 || unique.some((s) => !(XAPI_SCOPES as readonly string[]).includes(s))) throw new BadRequestException('Unknown or missing scopes');
    return this.db.transaction(async (manager) => {
      const secret = randomBytes(32).toString('base64url');
      const client = manager.create(XapiClient, {
        key: `hx${randomBytes(12).toString('hex')}`,
        secretHash: '',
        name: name.trim(),
        scopes: unique,
        createdBy: user.id,
        revokedAt: null,
        lastUsedAt: null,
      });
      await manager.save(client);
      client.secretHash = hashSecret(client.id, secret);
      await manager.update(XapiClient, { id: client.id }, { secretHash: client.secretHash });
      await this.audit.record({ actorId: user.id, action: 'xapi.client.issue', subjectType: 'xapi_client', subjectId: client.id, details: { key: client.key, scopes: unique }, requestId }, manager);
      return { client, secret };
    });
  }

  list(): Promise<XapiClient[]> {
    return this.db.getRepository(XapiClient).find({ order: { createdAt: 'DESC' } });
  }

  async revoke(user: AuthUser, id: string, requestId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const client = await manager.findOne(XapiClient, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw new NotFoundException('No such xAPI client');
      if (client.revokedAt) return;
      await manager.update(XapiClient, { id }, { revokedAt: new Date() });
      await this.audit.record({ actorId: user.id, action: 'xapi.client.revoke', subjectType: 'xapi_client', subjectId: id, details: { key: client.key }, requestId }, manager);
    });
  }

  /** The caller named by a Basic Authorization header, or null when the credentials are wrong or revoked. */
  async authenticate(authorization: string | undefined): Promise<XapiCaller | null> {
    const match = /^Basic\s+([A-Za-z0-9+/=._-]+)\s*$/i.exec(authorization ?? '');
    if (!match) return null;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    const key = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const client = await this.db.getRepository(XapiClient).findOne({ where: { key } });
    if (!client || client.revokedAt) return null;
    const expected = Buffer.from(client.secretHash, 'hex');
    const given = Buffer.from(hashSecret(client.id, secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    // Last use to the minute: one write per client per minute at most.
    if (!client.lastUsedAt || Date.now() - client.lastUsedAt.getTime() > 60_000) {
      void this.db.query(`UPDATE xapi_clients SET last_used_at = now() WHERE id = $1`, [client.id]).catch(() => undefined);
    }
    return { clientId: client.id, key: client.key, name: client.name, scopes: client.scopes };
  }
}
