#!/usr/bin/env node
// What tsc does not do, after it: copy the portal's static files next to the
// compiled controller (src/portal/public -> dist/src/portal/public), and make the
// `charter` bin executable (npm ci links bins before dist/ exists, so it cannot).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const from = path.join(root, 'src', 'portal', 'public');
const to = path.join(root, 'dist', 'src', 'portal', 'public');
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });
fs.chmodSync(path.join(root, 'dist', 'src', 'cli', 'main.js'), 0o755);
