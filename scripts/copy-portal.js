#!/usr/bin/env node
// Copies the portal's static files next to the compiled controller
// (src/portal/public -> dist/src/portal/public): tsc only emits .ts output.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const from = path.join(root, 'src', 'portal', 'public');
const to = path.join(root, 'dist', 'src', 'portal', 'public');
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });
