import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit/audit.service';
import type { RequestMeta } from '../accounts.service';
import type { AuthUser } from '../auth-user';
import { cookieName, parseCookies, serializeCookie } from '../cookies';
import { IdentityRedis } from '../redis';
import { SessionsService, type StartedSession } from '../sessions.service';
import { nationalIdHmac } from './national-id';

/** Why a national-ID sign-in did not happen; the web app shows a message for each (?oidcError=…). */
export type OidcErrorCode =
  | 'provider_unavailable'
  | 'expired'
  | 'state_mismatch'
  | 'cancelled'
  | 'provider_error'
  | 'rejected'
  | 'not_signed_in'
  | 'already_linked'
  | 'account_disabled';

export class OidcFlowError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    /** Where to send the browser with the error (the page it came from when linking). */
    readonly returnTo?: string,
    reason?: string,
  ) {
    super(reason ?? code);
  }
}

/** What the server keeps between /start and /callback (in Redis, 10 minutes, used once). */
interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Set when a signed-in user links their national ID to their account. */
  linkUserId: string | null;
}

export interface OidcOutcome {
  userId: string;
  returnTo: string;
  outcome: 'signed-in' | 'created' | 'linked';
  /** A new session, unless an account was linked (the user stays in the session they had). */
  session?: StartedSession;
}

const TRANSACTION_TTL_SECONDS = 600;
const TRANSACTION_COOKIE = 'hocso_oidc';
/** The web app's sign-in page (apps/web/src/app/paths.ts), where a failed national-ID sign-in lands with ?oidcError=…. */
export const SIGN_IN_PAGE_PATH = '/dang-nhap';
export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/**
 * Sign-in with the national digital ID over OpenID Connect (openid-client): authorization code
 * with PKCE (S256), state and nonce; issuer, audience, signature, expiry and nonce of the ID token are
 * checked by openid-client. Accounts are keyed by issuer + subject; the national ID number is kept
 * only as an HMAC (for de-duplication) and never written to a table, a log or a URL.
 *
 * The state, nonce and PKCE verifier stay server-side (Redis); the browser holds only a random
 * transaction id in a short-lived HttpOnly cookie, which binds the callback to the browser that
 * started the flow (a callback URL sent to someone else does not sign them in).
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration?: Promise<client.Configuration>;
  readonly redirectUri: string;
  private readonly publicUrl: string;
  private readonly transactionCookie: string;
  private readonly secureCookies: boolean;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: IdentityRedis,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {
    this.publicUrl = config.PUBLIC_URL.replace(/\/$/, '');
    this.redirectUri = config.OIDC_REDIRECT_URI ?? `${this.publicUrl}${CALLBACK_PATH}`;
    this.secureCookies = sessions.secureCookies;
    this.transactionCookie = cookieName(TRANSACTION_COOKIE, this.secureCookies);
  }

  get enabled(): boolean {
    return this.config.OIDC_ISSUER !== undefined;
  }

  /** The provider's metadata, discovered once (again after a failure). */
  assertEnabled(): void {
    if (!this.enabled) throw new NotFoundException('Sign-in with the national digital ID is not configured on this site.');
  }

  private discover(): Promise<client.Configuration> {
    this.assertEnabled();
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = this.config;
    const insecure = OIDC_ISSUER!.startsWith('http:') && !this.config.isProduction;
    this.configuration ??= client
      .discovery(new URL(OIDC_ISSUER!), OIDC_CLIENT_ID!, { client_secret: OIDC_CLIENT_SECRET }, client.ClientSecretBasic(OIDC_CLIENT_SECRET!), {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Builds the provider's authorization URL and keeps the transaction; the caller sets the cookie. */
  async start(options: { returnTo?: string; link: boolean; user: AuthUser | null }): Promise<{ url: string; transactionId: string }> {
    const returnTo = safeReturnTo(options.returnTo);
    this.assertEnabled();
    if (options.link && !options.user) throw new OidcFlowError('not_signed_in', returnTo);
    let configuration: client.Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      this.logger.error({ reason: reasonOf(error) }, 'national digital ID provider unavailable (discovery failed)');
      throw new OidcFlowError('provider_unavailable', options.link ? returnTo : undefined);
    }
    const transaction: OidcTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
      linkUserId: options.link ? options.user!.id : null,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPES,
      response_type: 'code',
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
    });
    const transactionId = randomBytes(24).toString('base64url');
    await this.redis.client.set(this.transactionKey(transactionId), JSON.stringify(transaction), 'EX', TRANSACTION_TTL_SECONDS);
    return { url: url.href, transactionId };
  }

  setTransactionCookie(reply: FastifyReply, transactionId: string): void {
    void reply.header('set-cookie', serializeCookie(this.transactionCookie, transactionId, { secure: this.secureCookies, sameSite: 'Lax', maxAgeSeconds: TRANSACTION_TTL_SECONDS }));
  }

  clearTransactionCookie(reply: FastifyReply): void {
    void reply.header('set-cookie', serializeCookie(this.transactionCookie, '', { secure: this.secureCookies, sameSite: 'Lax', maxAgeSeconds: 0 }));
  }

  transactionIdFrom(request: { headers: { cookie?: string } }): string | undefined {
    const id = parseCookies(request.headers.cookie).get(this.transactionCookie);
    return id && /^[A-Za-z0-9_-]{32}$/.test(id) ? id : undefined;
  }

  /**
   * The provider sent the browser back: checks the transaction (single use), exchanges the code
   * and validates the ID token, then finds, creates or links the account.
   */
  async finish(transactionId: string | undefined, query: URLSearchParams, user: AuthUser | null, meta: RequestMeta): Promise<OidcOutcome> {
    const transaction = transactionId ? await this.takeTransaction(transactionId) : undefined;
    if (!transaction) throw new OidcFlowError('expired');
    const errorReturn = transaction.linkUserId ? transaction.returnTo : undefined;

    const providerError = query.get('error');
    if (providerError) {
      throw new OidcFlowError(providerError === 'access_denied' ? 'cancelled' : 'provider_error', errorReturn, `provider answered ${providerError.slice(0, 64)}`);
    }
    if (query.get('state') !== transaction.state) throw new OidcFlowError('state_mismatch', errorReturn);
    if (transaction.linkUserId && transaction.linkUserId !== user?.id) throw new OidcFlowError('not_signed_in', errorReturn);

    const configuration = await this.discover().catch((error: unknown) => {
      throw new OidcFlowError('provider_unavailable', errorReturn, reasonOf(error));
    });
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      claims = { ...idToken };
      const wanted = [this.config.OIDC_NATIONAL_ID_CLAIM, this.config.OIDC_NAME_CLAIM, 'birthdate'];
      if (wanted.some((name) => claims[name] === undefined)) {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        for (const name of wanted) claims[name] ??= userInfo[name];
      }
    } catch (error) {
      throw new OidcFlowError('rejected', errorReturn, reasonOf(error));
    }

    const issuer = String(claims.iss);
    const subject = String(claims.sub);
    const nationalId = claims[this.config.OIDC_NATIONAL_ID_CLAIM];
    const hmac = typeof nationalId === 'string' || typeof nationalId === 'number' ? nationalIdHmac(this.config.NATIONAL_ID_HMAC_KEY!, nationalId) : null;
    if (!hmac) this.logger.warn({ claim: this.config.OIDC_NATIONAL_ID_CLAIM }, 'the provider gave no national ID number: the account cannot be de-duplicated');

    if (transaction.linkUserId) {
      await this.link(transaction.linkUserId, issuer, subject, hmac, meta, transaction.returnTo);
      return { userId: transaction.linkUserId, returnTo: transaction.returnTo, outcome: 'linked' };
    }
    return this.signIn(issuer, subject, hmac, claims, meta, transaction.returnTo);
  }

  private async signIn(issuer: string, subject: string, hmac: string | null, claims: Record<string, unknown>, meta: RequestMeta, returnTo: string): Promise<OidcOutcome> {
    const { userId, created } = await this.dataSource.transaction(async (manager) => {
      const existing = await this.findOwner(issuer, subject, hmac, manager);
      if (existing) {
        if (existing.disabled) throw new OidcFlowError('account_disabled');
        return { userId: existing.userId, created: false };
      }
      const name = claims[this.config.OIDC_NAME_CLAIM];
      const displayName = typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 80) : 'Người học';
      const [{ id }] = (await manager.query(`INSERT INTO users (display_name, birth_year) VALUES ($1, $2) RETURNING id`, [displayName, birthYearOf(claims.birthdate)])) as { id: string }[];
      await manager.query(`INSERT INTO oidc_identities (user_id, issuer, subject, national_id_hmac) VALUES ($1, $2, $3, $4)`, [id!, issuer, subject, hmac]);
      return { userId: id!, created: true };
    });
    if (meta.previousSessionToken) await this.sessions.revokeToken(meta.previousSessionToken);
    const session = await this.sessions.start(userId);
    await this.audit.record({ actorId: userId, action: 'auth.oidc.sign-in', subjectType: 'user', subjectId: userId, details: { issuer, created }, requestId: meta.requestId });
    this.logger.log({ userId, created, requestId: meta.requestId }, 'signed in with the national digital ID');
    return { userId, returnTo, outcome: created ? 'created' : 'signed-in', session };
  }

  private async link(userId: string, issuer: string, subject: string, hmac: string | null, meta: RequestMeta, returnTo: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const owner = await this.findOwner(issuer, subject, hmac, manager);
      if (owner && owner.userId !== userId) throw new OidcFlowError('already_linked', returnTo);
      if (owner) return; // already linked to this account
      const inserted = (await manager.query(
        `INSERT INTO oidc_identities (user_id, issuer, subject, national_id_hmac) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [userId, issuer, subject, hmac],
      )) as unknown[];
      if (inserted.length === 0) throw new OidcFlowError('already_linked', returnTo);
      await this.audit.record({ actorId: userId, action: 'auth.oidc.link', subjectType: 'user', subjectId: userId, details: { issuer }, requestId: meta.requestId }, manager);
    });
    this.logger.log({ userId, requestId: meta.requestId }, 'national digital ID linked to an account');
  }

  /** The account of this provider subject, or else of the same national ID number (same person, new subject). */
  private async findOwner(issuer: string, subject: string, hmac: string | null, manager: DataSource['manager']): Promise<{ userId: string; disabled: boolean } | undefined> {
    const rows = (await manager.query(
      `SELECT i.user_id, u.disabled_at IS NOT NULL AS disabled FROM oidc_identities i JOIN users u ON u.id = i.user_id
        WHERE (i.issuer = $1 AND i.subject = $2) OR (i.national_id_hmac IS NOT NULL AND i.national_id_hmac = $3)
        ORDER BY (i.issuer = $1 AND i.subject = $2) DESC LIMIT 1`,
      [issuer, subject, hmac],
    )) as { user_id: string; disabled: boolean }[];
    return rows[0] ? { userId: rows[0].user_id, disabled: rows[0].disabled } : undefined;
  }

  /** Reads and deletes the transaction in one step: a callback can be used once. */
  private async takeTransaction(id: string): Promise<OidcTransaction | undefined> {
    const raw = await this.redis.client.getdel(this.transactionKey(id));
    return raw ? (JSON.parse(raw) as OidcTransaction) : undefined;
  }

  private transactionKey(id: string): string {
    return `${this.redis.keyPrefix}oidc-tx:${id}`;
  }

  /** Where the browser goes after a failure: the sign-in page, or the page it came from when linking. */
  errorRedirect(error: OidcFlowError): string {
    const target = new URL(`${this.publicUrl}${error.returnTo ?? SIGN_IN_PAGE_PATH}`);
    target.searchParams.set('oidcError', error.code);
    return target.href;
  }

  successRedirect(outcome: OidcOutcome): string {
    return `${this.publicUrl}${outcome.returnTo}`;
  }
}

/** Only paths of this site (no //host, no scheme): no open redirect. */
export function safeReturnTo(returnTo: string | undefined): string {
  return returnTo && /^\/(?![/\\])[^\s]*$/.test(returnTo) ? returnTo : '/';
}

function birthYearOf(birthdate: unknown): number | null {
  if (typeof birthdate !== 'string') return null;
  const year = Number(birthdate.slice(0, 4));
  return Number.isInteger(year) && year >= 1900 && year <= new Date().getUTCFullYear() ? year : null;
}

/**
 * What went wrong, for the log: codes and messages of the error and of the errors that caused it
 * (openid-client wraps oauth4webapi's precise "unexpected JWT "aud" (audience) claim value"). Those
 * carry the token's claims as plain objects in `cause`, which may include the national ID number:
 * never log the error object itself, only these messages.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof OidcFlowError) return error.message;
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const { code, error: oauthError } = e as { code?: unknown; error?: unknown };
    parts.push(`${typeof code === 'string' ? `${code}: ` : ''}${e.message}${typeof oauthError === 'string' ? ` (${oauthError.slice(0, 64)})` : ''}`);
  }
  return parts.length > 0 ? parts.join(' ← ').slice(0, 500) : 'unknown error';
}
