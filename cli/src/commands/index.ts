import { cleanCommand } from './clean.ts';
import type { CliCommand } from './command.ts';
import { demoCommand } from './demo.ts';
import { diffCommand } from './diff.ts';
import { fetchCommand } from './fetch.ts';
import { importCommand } from './import.ts';
import { initCommand } from './init.ts';
import { listCommand } from './list.ts';
import { logCommand } from './log.ts';
import { parseCommand } from './parse.ts';
import { rebuildCommand } from './rebuild.ts';
import { reportCommand } from './report.ts';
import { showCommand } from './show.ts';
import { traceCommand } from './trace.ts';

/** Every plandiff command, in the order `--help` lists them. */
// biome-ignore lint/suspicious/noExplicitAny: yargs command modules have heterogeneous argument types
export const commands: CliCommand<any>[] = [
  demoCommand,
  parseCommand,
  cleanCommand,
  diffCommand,
  traceCommand,
  reportCommand,
  initCommand,
  importCommand,
  fetchCommand,
  listCommand,
  showCommand,
  logCommand,
  rebuildCommand,
];
