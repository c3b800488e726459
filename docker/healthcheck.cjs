#!/usr/bin/env node
// Health check of the hocso API and worker containers (no curl in slim images, so Node does it).
//   node docker/healthcheck.cjs api      GET http://127.0.0.1:$PORT/api/health/live answers 2xx
//   node docker/healthcheck.cjs worker   this container holds a BullMQ worker connection in Redis
// Exit code 0 = healthy, 1 = unhealthy (what Docker's HEALTHCHECK expects). Dependencies: none.
'use strict';

const net = require('node:net');
const tls = require('node:tls');

const TIMEOUT_MS = 4000;
const mode = process.argv[2] || 'api';

function done(ok, message) {
  if (!ok) console.error(`unhealthy: ${message}`);
  process.exit(ok ? 0 : 1);
}

async function checkApi() {
  const port = process.env.PORT || '3000';
  const response = await fetch(`http://127.0.0.1:${port}/api/health/live`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`/api/health/live answered ${response.status}`);
}

/**
 * A BullMQ worker names its blocking Redis connection "<QUEUE_PREFIX>:<base64 queue name>".
 * Redis lists every client with its address, so the worker of *this* container is the named
 * client whose IP is the IP this check itself connects from. A process that is up but has lost
 * its workers (or never started them) fails the check.
 */
function checkWorker() {
  const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  const prefix = `${process.env.QUEUE_PREFIX || 'hocso'}:`;
  const options = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 6379) };
  return new Promise((resolve, reject) => {
    const socket = url.protocol === 'rediss:' ? tls.connect({ ...options, servername: options.host }) : net.connect(options);
    const fail = (error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(TIMEOUT_MS, () => fail(new Error('Redis did not answer in time')));
    socket.on('error', fail);
    socket.once(url.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => {
      const command = (...args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
      if (url.password) {
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        socket.write(user ? command('AUTH', user, password) : command('AUTH', password));
      }
      socket.write(command('CLIENT', 'LIST'));
    });
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.startsWith('-')) return fail(new Error(`Redis refused: ${buffer.split('\r\n')[0]}`));
      if (buffer.startsWith('+OK\r\n')) buffer = buffer.slice(5);
      const header = /^\$(\d+)\r\n/.exec(buffer);
      if (!header || buffer.length < header[0].length + Number(header[1])) return; // wait for the rest
      const list = buffer.slice(header[0].length, header[0].length + Number(header[1]));
      const ownIp = normaliseIp(socket.localAddress || '');
      socket.end();
      const workers = list
        .split('\n')
        .map((line) => Object.fromEntries(line.trim().split(' ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])))
        .filter((client) => client.name && client.name.startsWith(prefix) && normaliseIp(ipOf(client.addr || '')) === ownIp);
      if (workers.length === 0) reject(new Error(`no BullMQ worker connection named ${prefix}* from ${ownIp} in Redis`));
      else resolve();
    });
  });
}

function ipOf(addr) {
  const at = addr.lastIndexOf(':');
  return at === -1 ? addr : addr.slice(0, at);
}

function normaliseIp(ip) {
  return ip.replace(/^\[|\]$/g, '').replace(/^::ffff:/, '');
}

const check = mode === 'worker' ? checkWorker : mode === 'api' ? checkApi : null;
if (!check) done(false, `unknown mode "${mode}" (use api or worker)`);
else check().then(() => done(true), (error) => done(false, error instanceof Error ? error.message : String(error)));
