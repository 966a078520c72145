// Entry point of `config-tool` (bundled to out/node/cli.cjs, started by bin/config-tool.cjs).
import { runCli } from './program';

/** Resolves once everything written to `stream` is handed to the OS, so exiting can't cut output short. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}

// A reader that stops early (`config-tool report | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv).then(async (code) => {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Everything is closed by now; exiting explicitly also ends a worker a failed operation left behind.
  process.exit(code);
});
