/** What every bench script needs: where the repo and its build are, and `--name value` options. */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist/src');
/** The real-world contracts of ../shared/corpus (see its MANIFEST.md). */
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const args = process.argv.slice(2);

/** The value after `--name` on the command line, or `def`. */
function opt(name, def) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
}

/** Whether `--name` is on the command line. */
function flag(name) {
  return args.includes(name);
}

module.exports = { ROOT, DIST, CORPUS, opt, flag };
