// A stand-in for the national ID system's confirmation endpoint, run as a child process by the tests.
// Verifies the HMAC-SHA256 signature (x-hocso-signature: t=<unix>,v1=<hex of HMAC("<t>.<body>")>), records
// deliveries once per Idempotency-Key, and can be told to fail the next N requests.
//   env: RECEIVER_SECRET; prints "listening <port>" when ready.
//   POST /confirmations                  → 200 (new), 200 {duplicate:true} (same key), 401 (bad signature), 500 (told to fail)
//   POST /_control/fail {count, mode}    → mode "before" (500 without recording) or "after" (record, then answer 500: a lost answer)
//   GET  /_control/state                 → {deliveries:[{key, payload, at}], requests, duplicates, rejected}
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.RECEIVER_SECRET ?? '';
const deliveries = new Map();
const state = { requests: 0, duplicates: 0, rejected: 0 };
let fail = { count: 0, mode: 'before' };

function read(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function signatureOk(header, body) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  if (Math.abs(Date.now() / 1000 - Number(match[1])) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

const server = createServer(async (req, res) => {
  const body = await read(req);
  if (req.method === 'POST' && req.url === '/_control/fail') {
    fail = { count: 0, mode: 'before', ...JSON.parse(body || '{}') };
    return send(res, 200, fail);
  }
  if (req.method === 'GET' && req.url === '/_control/state') {
    return send(res, 200, { deliveries: [...deliveries.entries()].map(([key, d]) => ({ key, ...d })), ...state });
  }
  if (req.method === 'POST' && req.url === '/confirmations') {
    state.requests++;
    const key = req.headers['idempotency-key'];
    if (!signatureOk(req.headers['x-hocso-signature'], body) || typeof key !== 'string' || !key) {
      state.rejected++;
      return send(res, 401, { error: 'bad signature' });
    }
    if (fail.count > 0 && fail.mode === 'before') {
      fail.count--;
      return send(res, 500, { error: 'told to fail' });
    }
    const duplicate = deliveries.has(key);
    if (duplicate) {
      state.duplicates++;
    } else {
      deliveries.set(key, { payload: JSON.parse(body), at: new Date().toISOString() });
    }
    if (fail.count > 0 && fail.mode === 'after') {
      fail.count--;
      return send(res, 500, { error: 'recorded, but the answer is lost' });
    }
    return send(res, 200, { received: key, duplicate });
  }
  send(res, 404, { error: 'not found' });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
