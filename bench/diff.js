#!/usr/bin/env node
/**
 * Time and peak memory of diffing the largest real version pairs of
 * ../shared/corpus (Stripe 2023-03-07 -> 2023-09-12, GitHub REST 2021-03 -> 2021-09
 * without the example "$ref"s) with Charter's built code (run `npm run build`
 * first), and, in the same run on the same pair, with every peer tool installed
 * in node_modules (openapi-diff, Redocly CLI `diff`, Optic `diff`). Each tool runs
 * as its own process, offline, bounded in time; ratios are against Charter's
 * whole `charter diff` process.
 *
 *   node bench/diff.js [--pair stripe|github] [--runs N] [--timeout SECONDS] [--only redocly,optic,...]
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, CORPUS, opt } = require('./support');
const PAIRS = {
  stripe: ['stripe/2023-03-07_d522a2a.yaml', 'stripe/2023-09-12_63a6746.yaml'],
  github: ['github-rest/2021-03-08_7f3666d.no-example-ref.json', 'github-rest/2021-09-30_f5a1dd3.no-example-ref.json'],
};

const pairNames = opt('--pair') ? [opt('--pair')] : Object.keys(PAIRS);
const only = opt('--only') ? opt('--only').toLowerCase().split(',') : undefined;
const runs = Number(opt('--runs', '3'));
const timeoutMs = Number(opt('--timeout', '180')) * 1000;

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const hasTime = fs.existsSync('/usr/bin/time');

/** Run a command, return wall seconds, peak RSS (MiB, via /usr/bin/time when present) and status. */
function measure(cmd, argv, opts = {}) {
  const started = process.hrtime.bigint();
  const full = hasTime ? ['/usr/bin/time', ['-f', '__PEAK_KB=%M', cmd, ...argv]] : [cmd, argv];
  const r = spawnSync(full[0], full[1], {
    cwd: opts.cwd ?? ROOT,
    timeout: timeoutMs,
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /__PEAK_KB=(\d+)/.exec(r.stderr ?? '');
  const timedOut = r.error && r.error.code === 'ETIMEDOUT';
  return {
    seconds,
    peakMiB: m ? Number(m[1]) / 1024 : undefined,
    status: timedOut ? 'timeout' : r.status,
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '').replace(/__PEAK_KB=\d+\n?/, ''),
  };
}

function best(samples) {
  return samples.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/** Charter's engine alone, in one process: parse, diff, classify (what the registry does per publish). */
function engineOnly(a, b) {
  const script = `
    const fs = require('fs');
    const { diffContracts } = require(${JSON.stringify(path.join(ROOT, 'dist/src/core/diff'))});
    const { checkCompatibility } = require(${JSON.stringify(path.join(ROOT, 'dist/src/core/compat'))});
    const { parseDocument } = require(${JSON.stringify(path.join(ROOT, 'dist/src/core/document'))});
    const load = (f) => { const r = parseDocument(fs.readFileSync(f, 'utf8'), f); if (!r.ok) throw new Error(r.errors[0].message); return r.value.data; };
    const t0 = process.hrtime.bigint();
    const A = load(${JSON.stringify(a)}), B = load(${JSON.stringify(b)});
    const t1 = process.hrtime.bigint();
    const changes = checkCompatibility(diffContracts({ document: A }, { document: B }));
    const t2 = process.hrtime.bigint();
    console.log(JSON.stringify({ parse: Number(t1 - t0) / 1e9, diff: Number(t2 - t1) / 1e9, changes: changes.length,
      breaking: changes.filter((c) => c.level === 'breaking').length, rssMiB: process.resourceUsage().maxRSS / 1024 }));`;
  return measure(process.execPath, ['-e', script], { cwd: ROOT });
}

const TOOLS = [
  {
    name: 'charter diff (whole CLI process)',
    ours: true,
    available: () => fs.existsSync(path.join(ROOT, 'dist/src/cli/main.js')),
    run: (a, b) => measure(process.execPath, [path.join(ROOT, 'dist/src/cli/main.js'), 'diff', a, b, '--format', 'json']),
    ok: (r) => r.status === 0 || r.status === 1,
  },
  {
    name: 'openapi-diff (Atlassian)',
    available: () => fs.existsSync(bin('openapi-diff')),
    run: (a, b) => measure(bin('openapi-diff'), [a, b]),
    ok: (r) => r.status === 0 || r.status === 1,
  },
  {
    name: 'Redocly CLI diff',
    available: () => fs.existsSync(bin('redocly')),
    run: (a, b) => measure(bin('redocly'), ['diff', a, b], { env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }),
    ok: (r) => r.status === 0 || r.status === 1,
  },
  {
    name: 'Optic diff',
    available: () => fs.existsSync(bin('optic')),
    // Optic writes ci-run-details.json into its working directory: keep that out of the repo.
    run: (a, b) => measure(bin('optic'), ['diff', a, b], { cwd: os.tmpdir(), env: { OPTIC_TELEMETRY_LEVEL: 'off', CI: 'true' } }),
    ok: (r) => r.status === 0 || r.status === 1,
  },
];

function fmt(n, digits = 2) {
  return n === undefined ? '-' : n.toFixed(digits);
}

if (!fs.existsSync(path.join(ROOT, 'dist/src/core/diff/index.js'))) {
  console.error('bench/diff.js: build first (npm run build)');
  process.exit(2);
}

for (const name of pairNames) {
  const pair = PAIRS[name];
  if (!pair) {
    console.error(`unknown pair ${name}`);
    process.exit(2);
  }
  const [a, b] = pair.map((p) => path.join(CORPUS, p));
  if (!fs.existsSync(a) || !fs.existsSync(b)) {
    console.error(`corpus pair ${name} not found under ${CORPUS}`);
    continue;
  }
  const size = (f) => (fs.statSync(f).size / 1024 / 1024).toFixed(1);
  console.log(`\n== ${name}: ${pair[0]} (${size(a)} MiB) -> ${pair[1]} (${size(b)} MiB), best of ${runs}`);

  const engine = best(Array.from({ length: runs }, () => engineOnly(a, b)));
  const e = JSON.parse(engine.stdout || '{}');
  console.log(
    `charter engine in-process: parse ${fmt(e.parse)} s, diff+classify ${fmt(e.diff)} s, peak RSS ${fmt(e.rssMiB, 0)} MiB, ` +
      `${e.changes} changes (${e.breaking} breaking)`,
  );
  const engineSeconds = e.parse + e.diff;

  const rows = [];
  for (const tool of TOOLS) {
    if (only && !tool.ours && !only.some((o) => tool.name.toLowerCase().includes(o))) continue;
    if (!tool.available()) {
      rows.push({ name: tool.name, note: 'not installed' });
      continue;
    }
    const samples = [];
    for (let i = 0; i < (tool.ours ? runs : Math.min(runs, 2)); i++) samples.push(tool.run(a, b));
    const ok = samples.filter(tool.ok);
    if (ok.length === 0) {
      const s = samples[0];
      const why = s.status === 'timeout' ? `timed out after ${timeoutMs / 1000} s` : `failed (exit ${s.status}): ${(s.stderr || s.stdout).trim().split('\n').slice(-2).join(' | ').slice(0, 200)}`;
      rows.push({ name: tool.name, note: why });
      continue;
    }
    const r = best(ok);
    rows.push({ name: tool.name, seconds: r.seconds, peakMiB: r.peakMiB, ours: tool.ours });
  }
  const ours = rows.find((r) => r.ours && r.seconds !== undefined);
  console.log('tool'.padEnd(36), 'wall s'.padStart(8), 'peak MiB'.padStart(9), 'x charter'.padStart(10));
  for (const r of rows) {
    if (r.seconds === undefined) {
      console.log(r.name.padEnd(36), `  ${r.note}`);
      continue;
    }
    const ratio = ours ? r.seconds / ours.seconds : undefined;
    console.log(r.name.padEnd(36), fmt(r.seconds).padStart(8), fmt(r.peakMiB, 0).padStart(9), (ratio ? `${fmt(ratio, 1)}x` : '-').padStart(10));
  }
  const peers = rows.filter((r) => !r.ours && r.seconds !== undefined);
  if (ours && peers.length) {
    const fastest = peers.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    console.log(`fastest peer: ${fastest.name}, ${fmt(fastest.seconds / ours.seconds, 1)}x the whole charter diff process, ` +
      `${fmt(fastest.seconds / engineSeconds, 1)}x charter's parse+diff (${fmt(engineSeconds)} s)`);
  } else if (ours) {
    console.log('no peer tool could run here: see the notes above');
  }
}
