import { printError } from '../output';

/**
 * Ctrl+C during an upgrade or a preparation: the first one asks the engine to stop
 * after the modules compiling now (the run is recorded as interrupted and resumes on
 * the next start); a second one quits at once, which the engine also survives.
 */
export function stopOnSignal(): { shouldStop: () => boolean; dispose: () => void } {
  let requested = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (requested) process.exit(signal === 'SIGINT' ? 130 : 143);
    requested = true;
    printError(
      `${signal}: stopping after the modules being compiled now; the preparation resumes with 'config-tool prepare'. Press Ctrl+C again to quit at once.`,
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    shouldStop: () => requested,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
