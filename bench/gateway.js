#!/usr/bin/env node
/**
 * Gateway overhead: the same GET through
 *   direct    autocannon -> upstream stub
 *   baseline  bare fastify + @fastify/reply-from (no policies) -> upstream
 *   charter   Charter's GatewayServer with bearer JWT (HS256), request validation
 *             (path + query + header params), rate limit (high limit, so nothing is
 *             refused), response validation (default: monitor), access log and
 *             metrics on; the example contracts of contracts/ are loaded too, so
 *             the RSS figure is "with the example contracts"
 *   express-gateway (optional) 1.16 with jwt + proxy policies, when installed:
 *             --express-gateway DIR names a folder where `npm install express-gateway`
 *             was run. Its rate-limit policy is left out: on Node 20 it holds every
 *             request ~1 s (memory and Redis stores alike), and it has no request
 *             validation, so this is a lighter policy set than Charter's. Throughput
 *             only: it saturates near 1,000 req/s, below the latency rate.
 * all on 127.0.0.1, each server in its own process, autocannon in this one.
 *
 * Measurements, each bounded (default 8 s, after a warm-up):
 *   throughput  50 connections as fast as possible, `--rounds` times per proxy,
 *               interleaved (baseline, charter, baseline, charter): best req/s of each,
 *               and the server's CPU time per request (process.cpuUsage), which a
 *               machine shared with other work disturbs far less than req/s.
 *   latency     open loop, wrk2-style: requests sent at evenly spaced times at a fixed
 *               rate below saturation (default 2000 req/s) over a pool of 50 keep-alive
 *               connections, each latency measured from when it was due to be sent
 *               (so a stalled server cannot hide queued requests), in microseconds:
 *               p50/p99/p99.9 and p99 added over direct. autocannon's own rate mode
 *               is not used for this: it sends each connection's share of a second
 *               back to back and then idles, a burst at full concurrency whose
 *               latency is queueing. Sent from a fresh process, in `--rounds` x
 *               `--duration` 1 s slices per target taken in turns, pooled per target:
 *               on a shared 2-core machine the tail swings from one period to the
 *               next by more than it differs between proxies, and the turns give
 *               every target the same periods. At saturation, latency is mostly
 *               queueing too (connections / throughput); the saturated p99 is
 *               printed as well.
 *
 * --pin (Linux, needs taskset): the proxy under test runs alone on the last CPU,
 * the load generators and the upstream share the others, as when a gateway has its
 * cores to itself. Unpinned, all of them share every core and the scheduler's
 * choices show up in the tail of both proxies.
 *
 * Usage: npm run build && node bench/gateway.js [--duration 8] [--connections 50]
 *        [--rate 2000] [--rounds 3] [--pin] [--express-gateway /path/with/node_modules]
 */
'use strict';
const { execFileSync, fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, DIST, opt, flag } = require('./support');
const ROLE = opt('--role', 'main');
const DURATION = Math.max(2, Math.min(10, Number(opt('--duration', '8'))));
const CONNECTIONS = Number(opt('--connections', '50'));
const RATE = Number(opt('--rate', '2000'));
const ROUNDS = Math.max(1, Math.min(5, Number(opt('--rounds', '3'))));
const EG_DIR = opt('--express-gateway', process.env.EXPRESS_GATEWAY_DIR);
const PIN = flag('--pin');
const SECRET = 'bench-secret-bench-secret-bench-secret!';
const ISSUER = 'https://id.bench';
const AUDIENCE = 'bench-api';
const PREFIX = '/bench/items/v1';
const REQUEST_PATH = `${PREFIX}/items/12345?limit=10`;
const ITEM = JSON.stringify({ id: '12345', name: 'pallet', price: 12.5, tags: ['a', 'b'] });

const BENCH_CONTRACT = {
  openapi: '3.0.3',
  info: { title: 'Bench items', version: '1.0.0' },
  'x-charter-rate-limit': { limit: 1_000_000_000, window: '60s', by: 'consumer' },
  security: [{ bearer: ['items:read'] }],
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'x-correlation-id', in: 'header', schema: { type: 'string', maxLength: 128 } },
        ],
        responses: {
          '200': {
            description: 'the item',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: { id: { type: 'string' }, name: { type: 'string' }, price: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
};

// ---------------------------------------------------------------- child roles

function reportReady(port) {
  process.send({ ready: true, port });
  process.on('message', (m) => {
    if (m === 'rss') process.send({ rss: process.memoryUsage().rss });
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send({ cpu: u.user + u.system });
    }
  });
}

async function runUpstream() {
  const http = require('node:http');
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ITEM) });
      res.end(ITEM);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => reportReady(server.address().port));
}

async function runBaseline(upstream) {
  const fastify = require('fastify')({ logger: false });
  await fastify.register(require('@fastify/reply-from'), { base: upstream, undici: { connections: 128, pipelining: 1 } });
  fastify.all('/*', (req, reply) => reply.from(req.url.slice(PREFIX.length)));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  reportReady(fastify.server.address().port);
}

/** The example contracts of contracts/, loaded as the registry would publish them. */
async function exampleContracts() {
  const { loadContract } = require(path.join(DIST, 'core/document'));
  const YAML = require('yaml');
  const tree = path.join(ROOT, 'contracts');
  const source = { read: async (p) => (fs.existsSync(path.join(tree, p)) ? fs.readFileSync(path.join(tree, p), 'utf8') : undefined) };
  const apis = [];
  const domains = [];
  const env = {};
  if (!fs.existsSync(tree)) return { apis, domains, env };
  for (const key of fs.readdirSync(tree)) {
    const dir = path.join(tree, key);
    if (key.startsWith('_') || !fs.statSync(dir).isDirectory() || !fs.existsSync(path.join(dir, 'domain.yaml'))) continue;
    const d = YAML.parse(fs.readFileSync(path.join(dir, 'domain.yaml'), 'utf8'));
    domains.push({ key, upstream: d.upstream, auth: d.auth, correlation: d.correlation });
    if (d.auth?.jwt?.secretEnv) env[d.auth.jwt.secretEnv] = `${key}-demo-secret-demo-secret-demo-secret`;
    for (const f of fs.readdirSync(dir)) {
      const entry = f.endsWith('.openapi.yaml') ? `${key}/${f}` : fs.existsSync(path.join(dir, f, 'openapi.yaml')) ? `${key}/${f}/openapi.yaml` : undefined;
      if (!entry) continue;
      const loaded = await loadContract(entry, source);
      if (!loaded.ok) continue;
      const c = loaded.value;
      apis.push({ domain: key, api: f.replace('.openapi.yaml', ''), version: c.version, major: Number(c.version.split('.')[0]), kind: 'openapi', lifecycle: 'published', document: c.document, digest: c.digest });
    }
  }
  return { apis, domains, env };
}

async function runCharter(upstream) {
  const { GatewayServer } = require(path.join(DIST, 'gateway'));
  const pino = require('pino');
  const { Registry } = require('prom-client');
  // The access log is on (one line per request), configured as `charter serve` does
  // (createAccessStream: buffered, asynchronous), written to /dev/null: building the
  // line and the writes are measured, not a disk.
  const { createAccessStream } = require(path.join(DIST, 'platform/logging/logger'));
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
  const access = createAccessStream(fs.openSync('/dev/null', 'w'));
  // Usage counting is on as in `charter serve`; the batches go nowhere.
  const gateway = new GatewayServer({ logger, accessStream: access.stream, metricsRegistry: new Registry(), usageSink: async () => undefined });
  const examples = await exampleContracts();
  const result = await gateway.applyTable({
    apis: [
      { domain: 'bench', api: 'items', version: '1.0.0', major: 1, kind: 'openapi', lifecycle: 'published', document: BENCH_CONTRACT },
      ...examples.apis,
    ],
    domains: [{ key: 'bench', upstream, auth: { jwt: { issuer: ISSUER, audience: AUDIENCE, secretEnv: 'BENCH_JWT_SECRET' } } }, ...examples.domains],
    consumers: [],
    env: { BENCH_JWT_SECRET: SECRET, ...examples.env },
  });
  if (!result.ok) throw new Error(`route table: ${JSON.stringify(result.errors)}`);
  const { port } = await gateway.listen(0, '127.0.0.1');
  process.send({ routes: Object.keys(result.routes).length });
  reportReady(port);
}

async function runExpressGateway(upstream, dir) {
  const egRoot = path.dirname(require.resolve('express-gateway/package.json', { paths: [dir] }));
  const cfg = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-eg-'));
  fs.cpSync(path.join(egRoot, 'lib/config/models'), path.join(cfg, 'models'), { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const yaml = (o) => JSON.stringify(o, null, 1); // JSON is YAML
  fs.writeFileSync(
    path.join(cfg, 'gateway.config.yml'),
    yaml({
      http: { port, hostname: '127.0.0.1' },
      apiEndpoints: { api: { host: '*', paths: `${PREFIX}/*` } },
      serviceEndpoints: { backend: { url: upstream } },
      policies: ['jwt', 'proxy'],
      pipelines: {
        default: {
          apiEndpoints: ['api'],
          policies: [
            { jwt: [{ action: { secretOrPublicKey: SECRET, checkCredentialExistence: false, audience: AUDIENCE, issuer: ISSUER } }] },
            { proxy: [{ action: { serviceEndpoint: 'backend', stripPath: true, changeOrigin: true } }] },
          ],
        },
      },
    }),
  );
  fs.writeFileSync(
    path.join(cfg, 'system.config.yml'),
    yaml({ db: { redis: { emulate: true, namespace: 'EG' } }, crypto: { cipherKey: 'k', algorithm: 'aes256', saltRounds: 10 }, session: { secret: 's', resave: false, saveUninitialized: false } }),
  );
  process.env.LOG_LEVEL = 'error';
  require(egRoot)().load(cfg).run();
  // EG does not say when it listens: poll the port.
  const net = require('node:net');
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return reportReady(port);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('express-gateway did not start');
}

// ---------------------------------------------------------------- main

/** The CPUs for `--pin`: the last for the proxy under test, the rest for everyone else. */
function pinning() {
  const cpus = os.cpus().length;
  if (cpus < 2) throw new Error('--pin needs at least 2 CPUs');
  return { proxy: String(cpus - 1), others: cpus === 2 ? '0' : `0-${cpus - 2}` };
}
const CPUS = PIN ? pinning() : undefined;

/** Binds every thread of `pid` (V8's GC helpers and libuv's pool too) to `cpus`. */
function pin(pid, cpus) {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
}

function start(role, extra = []) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--role', role, ...extra], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    if (CPUS) pin(child.pid, ['upstream', 'pacer'].includes(role) ? CPUS.others : CPUS.proxy);
    const info = { child };
    const on = (m) => {
      if (m.routes !== undefined) info.routes = m.routes;
      if (m.ready) {
        child.off('message', on);
        resolve({ ...info, port: m.port });
      }
    };
    child.on('message', on);
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

/** Sends `message` (by default the name of the answer wanted) and resolves with the child's `what`. */
function ask(child, what, message = what) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (m[what] === undefined) return;
      child.off('message', on);
      resolve(m[what]);
    };
    child.on('message', on);
    child.send(message);
  });
}

async function stop(child) {
  child.removeAllListeners('exit');
  child.kill('SIGKILL');
}

async function load(target, warmup) {
  const autocannon = require('autocannon');
  const base = { url: `http://127.0.0.1:${target.port}${REQUEST_PATH}`, connections: CONNECTIONS, pipelining: 1, headers: target.headers };
  await autocannon({ ...base, duration: warmup }); // warm-up: JIT, pools, caches
  const cpu0 = await ask(target.child, 'cpu');
  const r = await autocannon({ ...base, duration: DURATION });
  const cpu1 = await ask(target.child, 'cpu');
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpuPerRequest: (cpu1 - cpu0) / Math.max(1, r.requests.total),
  };
}

/**
 * The latency load generator, in a process of its own: a fresh heap, not the one
 * autocannon's saturated runs filled, whose collections would be counted as
 * proxy latency. Open loop, wrk2-style: a 1 ms tick sends every request that is
 * due, over a keep-alive undici pool per target; each latency runs from the
 * request's due time to the end of its answer, so a stalled server cannot hide
 * queued requests. Driven by messages: `setup` (pools, 1 s warm-up each), `slice`
 * (one target for `seconds`, into that target's histogram), `report`.
 */
async function runPacer() {
  const { Pool } = require('undici');
  const { createHistogram } = require('node:perf_hooks');
  const targets = new Map();
  const slice = (t, seconds, histogram) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const total = Math.round(RATE * seconds);
      let sent = 0;
      let done = 0;
      let bad = 0;
      const fire = (due) => {
        t.pool
          .request({ path: REQUEST_PATH, method: 'GET', headers: t.headers })
          .then(async (r) => {
            await r.body.dump();
            if (r.statusCode !== 200) bad++;
          })
          .catch(() => bad++)
          .finally(() => {
            histogram?.record(Math.max(1, Math.round((performance.now() - due) * 1000)));
            if (++done === total) resolve(bad);
          });
      };
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE) + 1);
        while (sent < due) {
          fire(t0 + (sent / RATE) * 1000);
          sent++;
        }
        if (sent < total) setTimeout(tick, 1);
      };
      tick();
    });
  process.on('message', async (m) => {
    if (m.setup) {
      for (const { name, port, headers } of m.setup) {
        const t = { pool: new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS, pipelining: 1 }), headers, histogram: createHistogram(), sliceP99: [], bad: 0 };
        targets.set(name, t);
        await slice(t, 1); // warm-up: connections, JIT
      }
      process.send({ ready: true });
    } else if (m.slice) {
      const t = targets.get(m.slice);
      const histogram = createHistogram();
      t.bad += await slice(t, m.seconds, histogram);
      t.histogram.add(histogram);
      t.sliceP99.push(histogram.percentile(99) / 1000);
      process.send({ sliced: true });
    } else if (m.report) {
      const report = {};
      for (const [name, t] of targets) {
        const ms = (q) => t.histogram.percentile(q) / 1000;
        const sorted = t.sliceP99.sort((a, b) => a - b);
        const medianSliceP99 = sorted[Math.floor(sorted.length / 2)];
        report[name] = { p50: ms(50), p99: ms(99), p999: ms(99.9), medianSliceP99, count: t.histogram.count, bad: t.bad };
        await t.pool.close();
      }
      process.send({ report });
    }
  });
  process.send({ ready: true });
}

/**
 * Tail latency at a fixed rate. A shared 2-core machine has stalls of its own
 * that last from milliseconds to seconds, so the targets take turns in 1 s slices
 * (the order rotating every round) rather than one long run each: every target
 * meets the same weather, and its p99 comes from all its slices together.
 */
async function latencyBySlices(targets) {
  const pacer = await start('pacer');
  try {
    await ask(pacer.child, 'ready', { setup: targets.map((t) => ({ name: t.name, port: t.port, headers: t.headers })) });
    const cpu = Object.fromEntries(targets.map((t) => [t.name, 0]));
    const slices = ROUNDS * DURATION;
    for (let i = 0; i < slices; i++) {
      const rotated = targets.slice(i % targets.length).concat(targets.slice(0, i % targets.length));
      for (const t of rotated) {
        const before = await ask(t.child, 'cpu');
        await ask(pacer.child, 'sliced', { slice: t.name, seconds: 1 });
        cpu[t.name] += (await ask(t.child, 'cpu')) - before;
      }
    }
    const report = await ask(pacer.child, 'report', { report: true });
    for (const t of targets) report[t.name].cpuPerRequest = cpu[t.name] / Math.max(1, report[t.name].count);
    return report;
  } finally {
    await stop(pacer.child);
  }
}

async function main() {
  for (const f of ['gateway/index.js', 'core/document/index.js']) {
    if (!fs.existsSync(path.join(DIST, f))) {
      console.error('bench/gateway.js: dist/ is missing; run `npm run build` first');
      process.exit(2);
    }
  }
  const { SignJWT } = require('jose');
  const token = await new SignJWT({ sub: 'bench-user', scope: 'items:read', azp: 'bench-client' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
  const auth = { authorization: `Bearer ${token}` };

  // autocannon runs in this process: with --pin it stays off the proxy's CPU.
  if (CPUS) pin(process.pid, CPUS.others);
  const where = CPUS ? `, pinned: proxy on CPU ${CPUS.proxy}, load and upstream on CPU ${CPUS.others}` : '';
  console.log(`gateway bench: node ${process.version}, ${os.cpus().length} CPUs, ${CONNECTIONS} connections, ${DURATION} s per run (+2 s warm-up), fixed rate ${RATE} req/s${where}`);
  const upstream = await start('upstream');
  const upstreamUrl = `http://127.0.0.1:${upstream.port}`;
  const targets = [
    { name: 'direct', port: upstream.port, headers: {} },
    { name: 'baseline', role: 'baseline', headers: {} },
    { name: 'charter', role: 'charter', headers: auth },
  ];
  let egNote = 'not run: pass --express-gateway DIR (a folder where `npm install express-gateway` was run)';
  if (EG_DIR) {
    try {
      require.resolve('express-gateway/package.json', { paths: [EG_DIR] });
      targets.push({ name: 'express-gateway', role: 'express-gateway', extra: ['--eg', EG_DIR], headers: auth });
    } catch {
      egNote = `not run: express-gateway not found under ${EG_DIR}`;
    }
  }
  const servers = [];
  let direct;
  const results = {};
  const fmtPaced = (r) => `p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms p99.9 ${r.p999.toFixed(2)} ms  CPU ${r.cpuPerRequest.toFixed(1)} us/req`;
  const fmt = (r) => `${r.rps.toFixed(0).padStart(7)} req/s  mean ${r.mean.toFixed(2)} ms p50 ${r.p50} ms p99 ${r.p99} ms  CPU ${r.cpuPerRequest.toFixed(1)} us/req`;
  try {
    direct = { name: 'direct', port: upstream.port, child: upstream.child, headers: {} };
    for (const t of targets.slice(1)) {
      const server = await start(t.role, ['--upstream', upstreamUrl, ...(t.extra ?? [])]);
      servers.push({ ...t, ...server });
    }
    results.direct = await load(direct, 2);
    console.log(`${'direct'.padEnd(16)} saturated ${fmt(results.direct)}`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const t of servers) {
        const r = await load(t, round === 1 ? 2 : 1);
        console.log(`${t.name.padEnd(16)} saturated ${fmt(r)}  (round ${round})  non-2xx ${r.non2xx} errors ${r.errors}`);
        const best = results[t.name];
        results[t.name] = {
          ...(best && best.rps >= r.rps ? best : r),
          cpuPerRequest: Math.min(best?.cpuPerRequest ?? Infinity, r.cpuPerRequest),
          bad: (best?.bad ?? 0) + r.non2xx + r.errors,
          routes: t.routes,
        };
      }
    }
    // Express Gateway saturates near 1,000 req/s: at the fixed rate its slices would
    // queue for seconds and spill into the next target's, so it is measured for
    // throughput only.
    const paced = [direct, ...servers.filter((t) => t.name !== 'express-gateway')];
    const latency = await latencyBySlices(paced);
    for (const t of paced) {
      const r = latency[t.name];
      results[t.name].fixed = r;
      if (t !== direct) {
        results[t.name].bad += r.bad;
        results[t.name].rss = await ask(t.child, 'rss');
      }
      console.log(`${t.name.padEnd(16)} at ${RATE}/s ${fmtPaced(r)}${t === direct ? '' : `  RSS ${(results[t.name].rss / 1048576).toFixed(0)} MB`}`);
    }
  } finally {
    for (const t of servers) await stop(t.child);
    await stop(upstream.child);
  }
  const c = results.charter;
  const b = results.baseline;
  const d = results.direct;
  console.log('');
  console.log(`throughput charter / baseline: ${((c.rps / b.rps) * 100).toFixed(1)} %  (target >= 80 %)`);
  console.log(`CPU per request charter / baseline: ${c.cpuPerRequest.toFixed(1)} / ${b.cpuPerRequest.toFixed(1)} us = ${((b.cpuPerRequest / c.cpuPerRequest) * 100).toFixed(1)} % of baseline efficiency`);
  console.log(`p99 added over direct at ${RATE} req/s (open loop, ${CONNECTIONS} connections, ${ROUNDS * DURATION} interleaved 1 s slices each): charter ${(c.fixed.p99 - d.fixed.p99).toFixed(2)} ms, baseline ${(b.fixed.p99 - d.fixed.p99).toFixed(2)} ms  (target <= 2 ms)`);
  console.log(`  median over slices of each slice's p99 added (a stall in one slice moves it less): charter ${(c.fixed.medianSliceP99 - d.fixed.medianSliceP99).toFixed(2)} ms, baseline ${(b.fixed.medianSliceP99 - d.fixed.medianSliceP99).toFixed(2)} ms`);
  console.log(`p50 added over direct at ${RATE} req/s: charter ${(c.fixed.p50 - d.fixed.p50).toFixed(2)} ms, baseline ${(b.fixed.p50 - d.fixed.p50).toFixed(2)} ms`);
  console.log(`p99 added over direct, saturated (${CONNECTIONS} connections, closed loop, mostly queueing): charter ${(c.p99 - d.p99).toFixed(2)} ms, baseline ${(b.p99 - d.p99).toFixed(2)} ms`);
  console.log(`charter RSS with ${c.routes} routes (bench + example contracts): ${(c.rss / 1048576).toFixed(0)} MB  (target < 200 MB)`);
  const eg = results['express-gateway'];
  console.log(
    eg
      ? `express-gateway (jwt + proxy only): ${eg.rps.toFixed(0)} req/s, ${eg.cpuPerRequest.toFixed(1)} us/req; charter / express-gateway: ${((c.rps / eg.rps) * 100).toFixed(1)} %`
      : `express-gateway: ${egNote}`,
  );
  if (c.bad > 0) {
    console.error('charter answered non-2xx or errored: the figures are not valid');
    process.exit(1);
  }
}

const upstreamArg = opt('--upstream', '');
const roles = {
  main,
  upstream: runUpstream,
  baseline: () => runBaseline(upstreamArg),
  charter: () => runCharter(upstreamArg),
  'express-gateway': () => runExpressGateway(upstreamArg, opt('--eg', '')),
  pacer: runPacer,
};
roles[ROLE]().catch((error) => {
  console.error(error);
  process.exit(2);
});
