// The end-to-end suite: real Chromium (Debian's, via playwright-core) against the running app,
// which e2e/run.js starts with a fresh demo registry and points E2E_BASE_URL at.
const base = require('../jest.config.js');

module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  maxWorkers: 1,
  testTimeout: 60000,
};
