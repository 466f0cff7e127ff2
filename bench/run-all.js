#!/usr/bin/env node
/**
 * Runs every bench script in turn (after `npm run build`). Each prints its own
 * figures as ratios against a baseline it measures in the same run.
 *   npm run bench                 all of them
 *   npm run bench -- publish diff only those
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ALL = ['publish', 'cli-startup', 'diff', 'lint', 'gateway'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let failed = 0;
for (const name of chosen.length ? chosen : ALL) {
  if (!ALL.includes(name)) {
    console.error(`unknown bench "${name}"; one of ${ALL.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench/${name}.js`);
  const r = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
