#!/usr/bin/env node
// Runs the TypeScript CLI from a checkout without a build step (tsx registers the loader).
import { register } from 'tsx/esm/api';

// `pnpm plandiff …` runs scripts from the workspace root; resolve user paths where they typed them.
if (process.env.npm_lifecycle_event === 'plandiff' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
