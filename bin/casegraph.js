#!/usr/bin/env node
// Command-line entry: hands over to the compiled command in dist/ (built by `npm run build`, which `npm ci` runs through `prepare`).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('casegraph: no build in dist/ (dist/cli/main.js is missing); run `npm run build` first\n');
  process.exit(1);
}
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- plain JS importing the build: main's types live in src/cli/main.ts */
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
