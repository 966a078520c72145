import { ExitCode } from '../exit-codes';
import { printError } from '../output';

/** The shell's convention: 128 + the signal's number (130 for Ctrl+C, 143 for SIGTERM). */
export function exitCodeOfSignal(signal: NodeJS.Signals): ExitCode {
  return signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
}

/**
 * Ctrl+C during an upgrade or a preparation: the first one asks the engine to stop
 * after the modules compiling now (the run is recorded as interrupted and resumes on
 * the next start); a second one quits at once, which the engine also survives.
 */
export function stopOnSignal(): {
  shouldStop: () => boolean;
  /** The signal that asked to stop, or null. */
  signal: () => NodeJS.Signals | null;
  dispose: () => void;
} {
  let requested: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (requested) process.exit(exitCodeOfSignal(signal));
    requested = signal;
    printError(
      `${signal}: stopping after the modules being compiled now; the preparation resumes with 'config-tool prepare'. Press Ctrl+C again to quit at once.`,
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    shouldStop: () => requested !== null,
    signal: () => requested,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
