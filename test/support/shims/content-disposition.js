// content-disposition@3 (used by @fastify/static for the /docs assets) ships ESM
// only, which Jest's module runtime cannot require under --experimental-vm-modules
// (Node itself can, so production uses the real package). Tests map it to the
// CommonJS 1.x release, whose default export is the same `create`.
const contentDisposition = require('content-disposition-cjs');
module.exports = { create: contentDisposition, parse: contentDisposition.parse };
