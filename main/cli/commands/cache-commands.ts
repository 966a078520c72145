import readline from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { UserError } from '../../engine/errors';
import { checkSharedCache } from '../../engine/shared-cache/check-shared-cache';
import {
  resolveSharedCacheSettings,
  type SharedCacheSettingKey,
} from '../../engine/shared-cache/shared-cache-settings';
import { readSharedCacheSecrets, writeSharedCacheSecrets } from '../../engine/shared-cache/shared-cache-secrets';
import { getSetting } from '../../engine/store/settings-repository';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { ExitCode } from '../exit-codes';
import { printError, printLine } from '../output';

const SETTING_KEYS: SharedCacheSettingKey[] = ['sharedCache.mode', 'sharedCache.url', 'sharedCache.team'];

/**
 * The token and the signing key, one a line, from standard input: never from the command line, where `ps`
 * shows them. On a terminal each is asked for and not echoed.
 */
async function readSecretsFromStdin(): Promise<{ token: string; signingKey: string | null }> {
  const terminal = process.stdin.isTTY === true;
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = readline.createInterface({ input: process.stdin, output: silent, terminal });
  const iterator = lines[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string> => {
    if (terminal) process.stderr.write(prompt);
    const next = await iterator.next();
    if (terminal) process.stderr.write('\n');
    return next.done ? '' : next.value.trim();
  };
  try {
    const token = await ask('Token: ');
    const signingKey = await ask('Signing key (empty for none): ');
    if (!token)
      throw new UserError(
        'bad-usage',
        'No token on standard input: give the token on the first line, the signing key on the second.',
      );
    return { token, signingKey: signingKey || null };
  } finally {
    lines.close();
  }
}

/** `cache status` and `cache login` (spec §4d). */
export function registerCacheCommands(program: Command, kit: CommandKit): void {
  const cache = program.command('cache').description('the shared compilation cache: check it, store its secrets');

  cache
    .command('status')
    .description('checks the shared cache as set: reach, token, signatures and mode (exit 1 with the reason otherwise)')
    .action(
      kit.action(async (_options: unknown, command: Command) => {
        const stored = await withEnvironment(
          environmentDirOf(globalOptions(command)),
          (context) => Object.fromEntries(SETTING_KEYS.map((key) => [key, getSetting(context.db, key)])),
          { readOnly: true },
        );
        const settings = resolveSharedCacheSettings(stored, process.env);
        const { secrets, from } = readSharedCacheSecrets(process.env);
        printLine(
          `Shared cache: ${settings.mode}${settings.url ? `, ${settings.url}` : ''}${settings.team ? `, team ${settings.team}` : ''}`,
        );
        if (settings.mode !== 'off') {
          printLine(
            `Token: ${from.token ? `from ${from.token}` : 'none'}; signing key: ${from.signingKey ? `from ${from.signingKey}` : 'none'}`,
          );
        }
        const check = await checkSharedCache(settings, secrets);
        for (const line of check.lines) printLine(line);
        if (!check.problem) return ExitCode.success;
        printError(`error: ${check.problem}`);
        return ExitCode.error;
      }),
    );

  cache
    .command('login')
    .description(
      "stores the shared cache's token (first line) and signing key (second line, optional) read from standard input, in a file only you can read",
    )
    .action(
      kit.action(async () => {
        const secrets = await readSecretsFromStdin();
        const file = writeSharedCacheSecrets(secrets, process.env);
        printLine(
          `Stored the token${secrets.signingKey ? ' and the signing key' : ''} in ${file} (readable by you only).`,
        );
      }),
    );
}
