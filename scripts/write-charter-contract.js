#!/usr/bin/env node
// `npm run contracts:sync` (after the build): writes Charter's own registry API
// description, rendered from the compiled app (src/charter-contract.ts), into the
// contracts tree. The file is committed; a spec fails when it is out of date.
//   node scripts/write-charter-contract.js [CONTRACTS_DIR]   (default: ./contracts)
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { CHARTER_CONTRACT_FILE, renderCharterContract } = require(path.join(root, 'dist', 'src', 'charter-contract.js'));

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(root, 'contracts'), CHARTER_CONTRACT_FILE);
  const text = await renderCharterContract();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === text) {
    process.stdout.write(`${path.relative(process.cwd(), file)} is up to date\n`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((err) => {
  process.stderr.write(`contracts:sync: ${err && err.stack ? err.stack : String(err)}\n`);
  process.exit(2);
});
