#!/usr/bin/env node
// `npm start`: build through Nx (only what changed since the last build; the rest comes from its
// cache), then serve the API and the dashboard on PORT (3000).
const path = require('node:path');
const { build } = require('./nx');

try {
  build();
} catch (e) {
  console.error(`Could not build the registry: ${e.message}`);
  process.exit(1);
}
process.chdir(path.join(__dirname, '..'));
require(path.join(__dirname, '..', 'dist', 'server', 'apps', 'api', 'src', 'main.js'));
