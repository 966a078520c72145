import type { EngineContext } from '../engine-context';
import { recordOperation } from '../store/operations-log';
import { applySettings, getSetting, setSetting, SETTINGS } from '../store/settings-repository';
import { runGatedWrite } from './operation-gate';

/** `config set`: stores a new value; it takes effect on `config apply`. */
export function setConfiguration(context: EngineContext, key: string, value: string): void {
  setSetting(context.db, key, value);
  recordOperation(context.db, { operation: 'config-set', target: key, outcome: 'succeeded', message: value });
}

/** `config apply`: applies every changed setting; refused while a preparation runs. */
export function applyConfiguration(context: EngineContext): { applied: string[] } {
  return runGatedWrite(context.db, 'config-apply', null, () => {
    const applied = applySettings(context.db);
    recordOperation(context.db, {
      operation: 'config-apply',
      outcome: 'succeeded',
      message: applied.length ? applied.join(', ') : 'nothing to apply',
    });
    return { applied };
  });
}

/** Every setting with its current value, for `config` listings. */
export function listConfiguration(context: EngineContext): { key: string; value: string; description: string }[] {
  return Object.entries(SETTINGS).map(([key, definition]) => ({
    key,
    value: getSetting(context.db, key),
    description: definition.description,
  }));
}
