import type { Command } from 'commander';
import { UserError } from '../../engine/errors';
import { globalOptions, integerIn, type CommandKit } from '../command-kit';
import { environmentDirOf } from '../environment-session';
import { printError, printLine } from '../output';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Resolves at the first SIGINT or SIGTERM: the way to stop `serve`. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `serve`: the user interface for a browser, until Ctrl+C. */
export function registerServeCommand(program: Command, kit: CommandKit): void {
  program
    .command('serve')
    .description('serve the user interface to a browser on 127.0.0.1 with an access token (Ctrl+C stops it)')
    .option('--port <n>', 'the port (default: a free one)', integerIn(0, 65535))
    .option('--host <address>', 'the loopback address to bind', '127.0.0.1')
    .action(
      kit.action(async (options: { port?: number; host: string }, command: Command) => {
        // The access token guards a local user's browser; it is no protection on a network.
        if (!LOOPBACK.has(options.host))
          throw new UserError(
            'bad-usage',
            `serve binds a loopback address only (127.0.0.1, localhost or ::1), not '${options.host}'.`,
          );
        // On demand: the web server, WebSocket and service process are for serve alone.
        const { startBrowserHost } = await import('../../web/browser-host');
        const host = await startBrowserHost({
          environmentDir: environmentDirOf(globalOptions(command)),
          port: options.port,
          host: options.host,
          onWarning: (message) => printError(message),
        });
        printLine(host.url);
        printError('Serving the Configuration Tool; open the address above in a browser. Ctrl+C stops it.');
        const signal = await untilStopped();
        printError(`${signal}: stopping.`);
        await host.close();
      }),
    );
}
