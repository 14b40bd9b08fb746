#!/usr/bin/env node
// The installed package runs the compiled CLI (../src/main.js); a checkout has only the TypeScript, so it
// registers tsx first and runs ../src/main.ts without a build step.
import { existsSync } from 'node:fs';

// `pnpm plandiff …` runs scripts from the workspace root; resolve user paths where they typed them.
if (process.env.npm_lifecycle_event === 'plandiff' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
const compiled = new URL('../src/main.js', import.meta.url);
let entry = compiled.href;
if (!existsSync(compiled)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = '../src/main.ts';
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
