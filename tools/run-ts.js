#!/usr/bin/env node
// Runs a TypeScript tool (seed, bench, migrations) directly from source: swc compiles it on the
// fly with the workspace's path aliases and decorator metadata.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('node:path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
const [, , script, ...rest] = process.argv;
process.argv = [process.argv[0], script, ...rest];
require(require('node:path').resolve(script));
