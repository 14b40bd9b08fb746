/** Named points in a write where a test can freeze the process (then SIGKILL it) via $PLANDIFF_TEST_PAUSE_AT. */
export type PausePoint = 'after-lock' | 'after-write' | 'after-rename' | 'before-commit' | 'after-ref' | 'after-commit';

/**
 * Test hook: when $PLANDIFF_TEST_PAUSE_AT names this point, announce it on stderr and never return,
 * so a test can kill the process exactly there. A no-op otherwise.
 */
export async function pauseAt(point: PausePoint): Promise<void> {
  if (process.env.PLANDIFF_TEST_PAUSE_AT !== point) return;
  process.stderr.write(`plandiff: paused at ${point} (pid ${process.pid})\n`);
  await new Promise<never>(() => {
    setInterval(() => {}, 1 << 30);
  });
}
