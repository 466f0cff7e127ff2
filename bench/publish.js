#!/usr/bin/env node
/**
 * Publishing the largest real contract in ../shared/corpus (Stripe, 4 MB YAML):
 * parse, validate, bundle, digest and store, through the registry's HTTP API, on
 * embedded PGlite and on PostgreSQL when it is reachable.
 *
 * Baseline, measured in the same run on the same database: storing the same bytes
 * and the same JSON document with one plain INSERT (what any registry must at
 * least do). Reported: median publish time, the ratio to that baseline, and the
 * core's share (parse + validate without HTTP or database).
 *
 * Stripe's info.version is a date (2023-08-16); Charter versions by semver, so the
 * bench rewrites it to 2023.8.16 (same bytes otherwise). Governance lint is off
 * here (it is its own bench, bench/lint.js); run after `npm run build`.
 *
 *   node bench/publish.js [--runs 5] [--no-postgres]
 */
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const { ROOT, DIST, CORPUS, opt, flag } = require('./support');
const FILE = path.join(CORPUS, 'stripe', '2023-09-12_63a6746.yaml');
const requestedRuns = Number(opt('--runs', '5'));
const RUNS = requestedRuns > 0 ? requestedRuns : 5;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (!fs.existsSync(path.join(DIST, 'bootstrap.js'))) {
  console.error('bench/publish.js: run `npm run build` first');
  process.exit(2);
}
require('reflect-metadata');
const { createApp } = require(path.join(DIST, 'bootstrap'));
const { loadConfig } = require(path.join(DIST, 'platform/config/app-config'));
const { loadContractText } = require(path.join(DIST, 'core/document'));
const jwt = require('jsonwebtoken');

const SECRET = 'bench-secret-that-is-long-enough-for-hs256-000000';
const raw = fs.readFileSync(FILE, 'utf8').replace(/^  version: '2023-08-16'$/m, "  version: '2023.8.16'");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function post(url, token, body, type = 'application/yaml') {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function benchEngine(engine) {
  const { Client } = require('pg');
  let dbName;
  const env = {
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CHARTER_SEED: 'false', CHARTER_LINT_ON_PUBLISH: 'false',
    CHARTER_JWT_SECRET: SECRET, CHARTER_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-')),
  };
  if (engine === 'postgres') {
    const admin = new Client({ connectionString: PG_URL });
    await admin.connect();
    dbName = `charter_bench_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
  }
  const app = await createApp(loadConfig(env));
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const token = jwt.sign({ role: 'admin', domains: [] }, SECRET, { subject: 'bench', issuer: 'charter', audience: 'charter-registry' });
  const put = await new Promise((resolve) => {
    const req = http.request(`${url}/api/domains/payments`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.end(JSON.stringify({ name: 'Payments', owners: [{ team: 'payments' }] }));
  });
  if (put !== 201) throw new Error(`domain setup answered ${put}`);

  const publish = [];
  for (let i = 0; i < RUNS; i++) {
    // A new API each run, so every publish is a real insert (not the 200 same-digest path).
    const t0 = performance.now();
    const res = await post(`${url}/api/domains/payments/apis/stripe-${i}/versions`, token, raw);
    publish.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`publish answered ${res.status}: ${res.text.slice(0, 500)}`);
  }

  // Baseline: the same bytes and JSON document, one plain INSERT on the same database.
  const { DataSource } = require('typeorm');
  const ds = app.get(DataSource);
  const doc = JSON.stringify((await loadContractText(raw, 'stripe.yaml')).value.document);
  await ds.query('CREATE TABLE IF NOT EXISTS bench_baseline (id serial primary key, raw text, doc jsonb)');
  const baseline = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await ds.query('INSERT INTO bench_baseline (raw, doc) VALUES ($1, $2::jsonb)', [raw, doc]);
    baseline.push(performance.now() - t0);
  }
  await app.close();
  if (dbName) {
    const admin = new Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(env.CHARTER_DATA_DIR, { recursive: true, force: true });
  return { engine, publish: median(publish), baseline: median(baseline) };
}

async function main() {
  console.log(`Publishing ${path.relative(ROOT, FILE)} (${(Buffer.byteLength(raw) / 1048576).toFixed(1)} MiB), median of ${RUNS} runs`);
  const core = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await loadContractText(raw, 'stripe.yaml');
    core.push(performance.now() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  }
  console.log(`core parse + validate + digest: ${ms(median(core))}`);
  const engines = ['pglite'];
  if (!flag('--no-postgres')) engines.push('postgres');
  for (const engine of engines) {
    try {
      const r = await benchEngine(engine);
      console.log(`${engine.padEnd(8)} publish over HTTP: ${ms(r.publish)} | baseline plain INSERT: ${ms(r.baseline)} | ratio ${(r.publish / r.baseline).toFixed(1)}x | target < 2000 ms: ${r.publish < 2000 ? 'met' : 'missed'}`);
    } catch (err) {
      console.log(`${engine}: skipped (${err.message})`);
    }
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
