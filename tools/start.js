#!/usr/bin/env node
// `npm start`: build what is out of date, then serve the API and the dashboard on PORT (3000).
const path = require('node:path');
const { build } = require('./build');

build();
process.chdir(path.join(__dirname, '..'));
require(path.join(__dirname, '..', 'dist', 'server', 'apps', 'api', 'src', 'main.js'));
