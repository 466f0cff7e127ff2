#!/usr/bin/env node
/**
 * Whole-process time of the CI commands on ordinary contracts: `charter diff` on two
 * example contracts against a copy with a small change (OpenAPI 3.1
 * crm/customer-service, AsyncAPI 3.0 dispatch/dispatch-events) and `charter
 * validate` on each, against bare Node start-up (`node -e 0`) measured in the same
 * run. Budget: 0.5 s wall per command, Node start-up included. Commands run
 * round-robin (so a burst of load on the machine hits every row alike), N runs
 * each, median reported; no round starts that would end after 25 s (bounded < 30 s).
 *
 *   npm run build && node bench/cli-startup.js [--runs N] [--against OTHER/dist/src/cli/main.js]
 *
 * `--against` times a second build of the CLI (e.g. an older checkout) in the same run.
 *
 * Figures on the shared 2-core dev VM (Node 20, median of 9, one run with
 * `--against` the build before precompiled validators and lazy command loading):
 *                                  before    after     (node -e 0: 59 ms)
 *   diff crm (OpenAPI 3.1)         445 ms    233 ms
 *   diff dispatch (AsyncAPI 3.0)   595 ms    228 ms
 *   validate crm                   309 ms    156 ms
 *   validate dispatch              490 ms    169 ms
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, opt } = require('./support');
const BUDGET_MS = 500;
const DEADLINE_MS = 25_000;

const runs = Math.max(1, Number(opt('--runs', '9')));
const main = path.join(ROOT, 'dist/src/cli/main.js');
const against = opt('--against') ? path.resolve(opt('--against')) : undefined;

for (const m of [main, against].filter(Boolean)) {
  if (!fs.existsSync(m)) {
    console.error(`bench/cli-startup.js: ${path.relative(process.cwd(), m)} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
}
if (!fs.existsSync(path.join(ROOT, 'dist/src/core/document/generated'))) {
  console.error('bench/cli-startup.js: note: no precompiled validators in dist/ (built with tsc alone?): schemas compile at runtime');
}

/** The small changes a pull request might make: a version bump and one constraint. */
const EDITS = {
  'crm/customer-service.openapi.yaml': [['version: 1.2.0', 'version: 1.3.0'], ['maxLength: 200', 'maxLength: 300']],
  'dispatch/dispatch-events.asyncapi.yaml': [['version: 1.3.0', 'version: 1.4.0'], ['maxLength: 64', 'maxLength: 32']],
};

// The head side is a copy of the whole tree, so its relative $refs (_canonical/) resolve.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cli-startup-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
fs.cpSync(path.join(ROOT, 'contracts'), tmp, { recursive: true });
for (const [file, edits] of Object.entries(EDITS)) {
  let text = fs.readFileSync(path.join(tmp, file), 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) {
      console.error(`bench/cli-startup.js: contracts/${file} no longer contains "${from}"; update EDITS`);
      process.exit(2);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(path.join(tmp, file), text);
}

const cases = [{ name: 'node -e 0 (baseline)', argv: ['-e', '0'], ok: [0] }];
const cli = (label, m) => [
  ...Object.keys(EDITS).map((file) => ({
    name: `${label}diff ${file.split('/')[0]}`,
    argv: [m, 'diff', `contracts/${file}`, path.join(tmp, file)],
    ok: [0, 1],
  })),
  ...Object.keys(EDITS).map((file) => ({ name: `${label}validate ${file.split('/')[0]}`, argv: [m, 'validate', `contracts/${file}`], ok: [0] })),
];
cases.push(...cli('', main));
if (against) cases.push(...cli('[against] ', against));

function once(c) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.argv, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!c.ok.includes(r.status)) {
    console.error(`bench/cli-startup.js: ${c.name} exited ${r.status ?? r.signal}:\n${(r.stderr || r.stdout).slice(0, 2000)}`);
    process.exit(2);
  }
  return ms;
}

const began = Date.now();
for (const c of cases) {
  c.times = [];
  once(c); // warm the file system cache; not counted
}
// Whole rounds only, and none that would end past the deadline.
let done = 0;
for (let round = 0; done < runs; done++) {
  const t = Date.now();
  if (done > 0 && t - began + round > DEADLINE_MS) break;
  for (const c of cases) c.times.push(once(c));
  round = Date.now() - t;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(cases[0].times);
console.log(`charter CLI start-up, whole process, ${done} run(s) each, median (Node ${process.version}, ${os.cpus().length} CPUs)`);
console.log(`${'command'.padEnd(30)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} ${'x node -e 0'.padStart(12)}  budget ${BUDGET_MS} ms`);
for (const c of cases) {
  const med = median(c.times);
  const row = [
    c.name.padEnd(30),
    `${med.toFixed(0)} ms`.padStart(9),
    `${Math.min(...c.times).toFixed(0)} ms`.padStart(9),
    `${Math.max(...c.times).toFixed(0)} ms`.padStart(9),
    `${(med / base).toFixed(2)}`.padStart(12),
    c === cases[0] ? '' : med < BUDGET_MS ? ' ok' : ' OVER',
  ];
  console.log(row.join(' '));
}
