#!/usr/bin/env node
/**
 * Governance lint speed: the largest real OpenAPI contract of the corpus
 * (../shared/corpus, stripe 2023-09-12, ~4 MB YAML) linted with Charter's ruleset
 * (charter:recommended: spectral:oas + spectral:asyncapi recommended + Charter's
 * rules), by `charter lint` and by spectral-cli with the same ruleset, in the same
 * run. The spectral-cli ruleset is generated into a temporary folder from Charter's
 * own catalogue (dist/): the same rules, severities, options and turned-off rules,
 * with each Charter rule function as a JavaScript file in functionsDir.
 *
 * Usage: npm run build && node bench/lint.js [--runs N] [--file PATH]
 * Prints, for both CLIs, wall-clock time (process start to exit) and CPU time
 * (user + system of the process, which a busy machine distorts far less), medians
 * of N alternating runs, and their ratios; Charter's in-process times (cold, warm);
 * and a per-rule comparison of the findings, so "same ruleset" is checked, not
 * assumed.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ROOT, DIST, CORPUS, opt } = require('./support');
const RUNS = Math.max(1, Math.min(5, Number(opt('--runs', '1'))));
const FILE = path.resolve(opt('--file', path.join(CORPUS, 'stripe/2023-09-12_63a6746.yaml')));
const TIMEOUT_MS = 180_000;

if (!fs.existsSync(path.join(DIST, 'core/lint/index.js'))) {
  console.error('bench/lint.js: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
if (!fs.existsSync(FILE)) {
  console.error(`bench/lint.js: ${FILE} not found (the corpus lives in ../shared/corpus)`);
  process.exit(2);
}

const lint = require(path.join(DIST, 'core/lint'));
const SPECTRAL = fs.realpathSync(path.join(ROOT, 'node_modules/.bin/spectral'));

/** Preloaded into each CLI process: writes its own CPU time when it exits. */
const CPU_PRELOAD = `
const fs = require('node:fs');
process.on('exit', () => {
  const u = process.cpuUsage();
  fs.writeFileSync(process.env.BENCH_CPU_OUT, String((u.user + u.system) / 1000));
});
`;

/** An equivalent spectral-cli ruleset: built-in extends, Charter rules as function files. */
function writeSpectralRuleset(dir) {
  const fnDir = path.join(dir, 'functions');
  fs.mkdirSync(fnDir, { recursive: true });
  const rulesDir = path.join(DIST, 'core/lint/rules');
  const options = { domain: null, canonicalDir: '_canonical' };
  // spectral-cli's ruleset migrator knows aas2/aas3 by their export names.
  const formats = { openapi: ['oas3'], asyncapi: ['aas2', 'aas3'], any: ['oas3', 'aas2', 'aas3'] };
  const rules = {};
  for (const id of Object.keys(lint.SPECTRAL_RULES_OFF)) rules[id] = 'off';
  const functions = [];
  for (const rule of lint.CHARTER_RULES) {
    const name = rule.fn.name;
    const exportName = Object.keys(require(path.join(rulesDir, `${rule.id}.js`)))[0];
    fs.writeFileSync(
      path.join(fnDir, `${name}.js`),
      `module.exports = require(${JSON.stringify(path.join(rulesDir, `${rule.id}.js`))}).${exportName}.fn;\n`,
    );
    functions.push(name);
    rules[rule.id] = {
      description: rule.description,
      message: '{{error}}',
      severity: rule.severity,
      recommended: true,
      formats: formats[rule.target],
      given: rule.given,
      resolved: rule.resolved,
      then: { function: name, functionOptions: options },
    };
  }
  const ruleset = {
    extends: [
      ['spectral:oas', 'recommended'],
      ['spectral:asyncapi', 'recommended'],
    ],
    functionsDir: 'functions',
    functions,
    rules,
  };
  const file = path.join(dir, '.spectral.json');
  fs.writeFileSync(file, JSON.stringify(ruleset, null, 2));
  return file;
}

function timeProcess(script, argv, outFile, tmp) {
  const cpuOut = path.join(tmp, 'cpu.txt');
  fs.rmSync(cpuOut, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(tmp, 'cpu-preload.js'), script, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, BENCH_CPU_OUT: cpuOut },
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  if (outFile && r.stdout) fs.writeFileSync(outFile, r.stdout);
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${path.basename(script)} exited ${r.status}: ${(r.stderr || '').slice(0, 2000)}`);
  }
  return { wall, cpu: Number(fs.readFileSync(cpuOut, 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

function countsByRule(findings) {
  const counts = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] || 0) + 1;
  return counts;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-lint-'));
  try {
    const ruleset = writeSpectralRuleset(tmp);
    fs.writeFileSync(path.join(tmp, 'cpu-preload.js'), CPU_PRELOAD);
    const size = fs.statSync(FILE).size;
    console.log(`file: ${path.relative(ROOT, FILE)} (${(size / 1024 / 1024).toFixed(1)} MB), runs: ${RUNS}`);

    // Both CLIs, alternating, same output format (json to a file).
    const oursOut = path.join(tmp, 'charter.json');
    const theirsOut = path.join(tmp, 'spectral.json');
    const ours = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(timeProcess(path.join(DIST, 'cli/main.js'), ['lint', '--format', 'json', FILE], oursOut, tmp));
      theirs.push(timeProcess(SPECTRAL, ['lint', FILE, '--ruleset', ruleset, '--format', 'json', '--output', theirsOut, '--quiet'], undefined, tmp));
    }

    // In process: what the registry pays on publish (governance loaded once).
    const text = fs.readFileSync(FILE, 'utf8');
    const t0 = process.hrtime.bigint();
    const governance = lint.loadGovernance({});
    if (!governance.ok) throw new Error(JSON.stringify(governance.errors));
    const tGov = Number(process.hrtime.bigint() - t0) / 1e6;
    const inProcess = [];
    let lastFindings = [];
    for (let i = 0; i < 2; i++) {
      const t = process.hrtime.bigint();
      const r = await lint.lintContract({ text, file: path.basename(FILE), governance: governance.value });
      inProcess.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      lastFindings = r.value;
    }

    // Same ruleset, same findings? Compare counts per rule.
    const oursFindings = JSON.parse(fs.readFileSync(oursOut, 'utf8')).findings.map((f) => ({ rule: f.ruleId }));
    const theirsFindings = JSON.parse(fs.readFileSync(theirsOut, 'utf8')).map((d) => ({ rule: d.code }));
    const a = countsByRule(oursFindings);
    const b = countsByRule(theirsFindings);
    const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const diff = ids.filter((id) => (a[id] || 0) !== (b[id] || 0));

    const ow = median(ours.map((x) => x.wall));
    const sw = median(theirs.map((x) => x.wall));
    const oc = median(ours.map((x) => x.cpu));
    const sc = median(theirs.map((x) => x.cpu));
    console.log('');
    console.log('                        wall      cpu       findings');
    console.log(`charter lint (CLI)      ${fmt(ow).padEnd(9)} ${fmt(oc).padEnd(9)} ${oursFindings.length}`);
    console.log(`spectral-cli lint       ${fmt(sw).padEnd(9)} ${fmt(sc).padEnd(9)} ${theirsFindings.length}`);
    console.log(`ratio charter/spectral  ${(ow / sw).toFixed(2).padEnd(9)} ${(oc / sc).toFixed(2)}`);
    console.log('');
    console.log(`in process (registry publish path): loadGovernance ${fmt(tGov)}, lintContract cold ${fmt(inProcess[0])}, warm ${fmt(inProcess[1])}, findings ${lastFindings.length}`);
    console.log('');
    console.log('findings per rule (charter | spectral-cli):');
    for (const id of ids) console.log(`  ${id.padEnd(40)} ${String(a[id] || 0).padStart(6)} | ${String(b[id] || 0).padStart(6)}`);
    console.log(diff.length === 0 ? 'same findings per rule: yes' : `same findings per rule: NO (${diff.join(', ')})`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench/lint.js: ${err.message}`);
  process.exit(2);
});
