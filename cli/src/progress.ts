/** A progress indicator for long work; silent unless stderr is a terminal. */
export interface Progress {
  /** Shows that `done` items are finished and `label` is being worked on. */
  update(done: number, label?: string): void;
  /** Prints a line above the bar (result lines), keeping the bar at the bottom. */
  log(line: string, stream?: NodeJS.WritableStream): void;
  /** Clears the bar. */
  done(): void;
}

/** Creates a one-line stderr progress bar `[####      ] 3/10 label`, drawn only on a TTY and for several items. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = Boolean(stream.isTTY) && total > 1;
  let shown = '';
  const clear = () => {
    if (enabled && shown) stream.write('\r\x1b[2K');
  };
  const draw = () => {
    if (enabled && shown) stream.write(shown);
  };
  return {
    update(done, label = '') {
      if (!enabled) return;
      const width = 24;
      const filled = Math.round((Math.min(done, total) / total) * width);
      const room = Math.max(10, (stream.columns || 80) - width - 16);
      const text = label.length > room ? `…${label.slice(-(room - 1))}` : label;
      clear();
      shown = `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${text}`;
      draw();
    },
    log(line, out = process.stdout) {
      clear();
      out.write(line.endsWith('\n') ? line : `${line}\n`);
      draw();
    },
    done() {
      clear();
      shown = '';
    },
  };
}
