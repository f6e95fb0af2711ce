#!/usr/bin/env node
// Runs the command line from the built main-process bundle (npm run build).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('Testimony Desk is not built yet: run `npm run build` first.\n');
  process.exit(1);
}
require(cli).main();
