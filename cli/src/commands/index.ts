import type { CliCommand } from './command.ts';

// biome-ignore lint/suspicious/noExplicitAny: yargs command modules have heterogeneous argument types
type AnyCommand = CliCommand<any>;

/**
 * Every plandiff command, in the order `--help` lists them, each loaded on demand: a command pulls in
 * only the stages it uses, so `plandiff parse` does not pay for git, HTTP or the diff engine at start-up.
 */
export const commandLoaders: Record<string, () => Promise<AnyCommand>> = {
  demo: async () => (await import('./demo.ts')).demoCommand,
  parse: async () => (await import('./parse.ts')).parseCommand,
  clean: async () => (await import('./clean.ts')).cleanCommand,
  diff: async () => (await import('./diff.ts')).diffCommand,
  trace: async () => (await import('./trace.ts')).traceCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  feed: async () => (await import('./feed.ts')).feedCommand,
  init: async () => (await import('./init.ts')).initCommand,
  import: async () => (await import('./import.ts')).importCommand,
  fetch: async () => (await import('./fetch.ts')).fetchCommand,
  list: async () => (await import('./list.ts')).listCommand,
  show: async () => (await import('./show.ts')).showCommand,
  log: async () => (await import('./log.ts')).logCommand,
  rebuild: async () => (await import('./rebuild.ts')).rebuildCommand,
  search: async () => (await import('./search.ts')).searchCommand,
  echoes: async () => (await import('./echoes.ts')).echoesCommand,
  index: async () => (await import('./build-index.ts')).indexCommand,
  export: async () => (await import('./export.ts')).exportCommand,
};

/** The commands needed to parse `argv`: just the named one, or all of them (for help and usage errors). */
export async function loadCommands(argv: readonly string[]): Promise<AnyCommand[]> {
  const first = argv.find((arg) => !arg.startsWith('-'));
  const loader = first === undefined ? undefined : commandLoaders[first];
  if (loader) return [await loader()];
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}
