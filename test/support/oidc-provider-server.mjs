// A real OpenID Connect provider (oidc-provider 9, ESM-only) standing in for the national digital ID
// in the API tests. Started as its own Node process by test/support/oidc-provider.ts:
//
//   OIDC_TEST_CLIENTS='[{"client_id":…,"client_secret":…,"redirect_uris":[…]}]' node oidc-provider-server.mjs
//
// It listens on a free loopback port and prints one JSON line, {"issuer":"http://127.0.0.1:<port>"}.
// Login: GET /interaction/:uid shows a form; POST /interaction/:uid/login with login=<account id> signs
// that account in (no password: this is a test double); consent is granted at once.
// Control endpoints, for the tests only (loopback):
//   POST /__test/accounts {sub, claims}        registers an account and its claims (e.g. national_id)
//   POST /__test/clock {offsetSeconds}         shifts the provider's clock (to issue expired ID tokens)
//   POST /__test/tamper {claims}               the next token response carries an ID token whose claims
//                                              are changed (null removes one), re-signed with the provider's
//                                              own key: a valid signature with a wrong iss, aud, nonce…
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_TEST_CLIENTS ?? '[]');
const accounts = new Map();
let clockOffsetMs = 0;
let pendingTamper = null;

// The provider reads time through Date.now (epochTime): shifting it moves iat/exp of what it issues.
const realNow = Date.now.bind(Date);
Date.now = () => realNow() + clockOffsetMs;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({ grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', ...c })),
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
  claims: { openid: ['sub'], profile: ['name', 'birthdate'], national_id: ['national_id'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  findAccount: (_ctx, sub) => {
    const claims = accounts.get(sub);
    return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && pendingTamper && ctx.body && typeof ctx.body.id_token === 'string') {
    const changes = pendingTamper;
    pendingTamper = null;
    const payload = JSON.parse(Buffer.from(ctx.body.id_token.split('.')[1], 'base64url').toString('utf8'));
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete payload[name];
      else payload[name] = value;
    }
    ctx.body = { ...ctx.body, id_token: await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid, typ: 'JWT' }).sign(privateKey) };
  }
});

const handleProvider = provider.callback();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function interaction(req, res, uid, submitted) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, { error: 'interaction mismatch' });
  const { prompt, params, session } = details;
  if (prompt.name === 'login') {
    if (submitted === undefined) {
      return send(res, 200, `<!doctype html><title>Đăng nhập</title><form method="post" action="/interaction/${uid}/login"><input name="login"><button>Đăng nhập</button></form>`, 'text/html; charset=utf-8');
    }
    if (!accounts.has(submitted)) return send(res, 400, { error: 'unknown account' });
    return provider.interactionFinished(req, res, { login: { accountId: submitted } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'consent') {
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  return send(res, 400, { error: `unexpected prompt ${prompt.name}` });
}

server.on('request', (req, res) => {
  const url = new URL(req.url, issuer);
  const route = async () => {
    if (req.method === 'POST' && url.pathname === '/__test/accounts') {
      const { sub, claims } = JSON.parse(await readBody(req));
      accounts.set(sub, claims);
      return send(res, 204, '');
    }
    if (req.method === 'POST' && url.pathname === '/__test/clock') {
      clockOffsetMs = Number(JSON.parse(await readBody(req)).offsetSeconds) * 1000;
      return send(res, 204, '');
    }
    if (req.method === 'POST' && url.pathname === '/__test/tamper') {
      pendingTamper = JSON.parse(await readBody(req)).claims;
      return send(res, 204, '');
    }
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (match) {
      const submitted = req.method === 'POST' ? new URLSearchParams(await readBody(req)).get('login') ?? '' : undefined;
      return interaction(req, res, match[1], submitted);
    }
    return handleProvider(req, res);
  };
  route().catch((error) => {
    process.stderr.write(`oidc test provider: ${error?.stack ?? error}\n`);
    if (!res.headersSent) send(res, 500, { error: String(error?.message ?? error) });
  });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
