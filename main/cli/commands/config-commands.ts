import type { Command } from 'commander';
import { applyConfiguration, listConfiguration, setConfiguration } from '../../engine/operations/configuration';
import { pendingSettings } from '../../engine/store/settings-repository';
import { globalOptions, type CommandKit } from '../command-kit';
import { environmentDirOf, withEnvironment } from '../environment-session';
import { printLine } from '../output';

/** `config set KEY VALUE`, `config apply`, `config list`. */
export function registerConfigCommands(program: Command, kit: CommandKit): void {
  const config = program.command('config').description('change, apply and list configuration settings');

  config
    .command('set')
    .description('change a setting; it takes effect on config apply')
    .argument('<key>', 'the setting (see config list)')
    .argument('<value>', 'its new value')
    .action(
      kit.action(async (key: string, value: string, _options: unknown, command: Command) => {
        await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
          setConfiguration(context, key, value),
        );
        printLine(`${key} = ${value} (not applied yet: run 'config-tool config apply').`);
      }),
    );

  config
    .command('apply')
    .description('apply every changed setting (refused while a preparation runs)')
    .action(
      kit.action(async (_options: unknown, command: Command) => {
        const { applied } = await withEnvironment(environmentDirOf(globalOptions(command)), (context) =>
          applyConfiguration(context),
        );
        printLine(
          applied.length > 0
            ? `Applied: ${applied.join(', ')}.`
            : 'Nothing to apply: every setting is already applied.',
        );
      }),
    );

  config
    .command('list')
    .description('every setting with its value')
    .action(
      kit.action(async (_options: unknown, command: Command) => {
        const { settings, pending } = await withEnvironment(
          environmentDirOf(globalOptions(command)),
          (context) => ({
            settings: listConfiguration(context),
            pending: new Set(pendingSettings(context.db)),
          }),
          { readOnly: true },
        );
        const width = Math.max(...settings.map((setting) => setting.key.length));
        for (const setting of settings) {
          const note = pending.has(setting.key) ? '  (not applied yet)' : '';
          printLine(`${setting.key.padEnd(width)}  ${setting.value}${note}  — ${setting.description}`);
        }
      }),
    );
}
