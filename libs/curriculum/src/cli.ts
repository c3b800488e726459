#!/usr/bin/env node
// `npx hocso-curriculum …` — the only module of this package that touches Node (fs, process).
import { readFileSync } from 'node:fs';
import { runCli } from './cli-core';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
