import type { ArgumentsCamelCase, Argv } from 'yargs';

/** A yargs command module as plandiff registers it. */
export interface CliCommand<A = Record<string, unknown>> {
  command: string | string[];
  describe: string;
  builder: (y: Argv) => Argv<A>;
  handler: (args: ArgumentsCamelCase<A>) => Promise<void>;
}

/** Declares a command with its argument type inferred from the builder. */
export function defineCommand<A>(command: CliCommand<A>): CliCommand<A> {
  return command;
}
