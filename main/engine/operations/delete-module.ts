import type { EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { nameList } from '../name-list';
import { deleteModuleRows, findConsumers, findModule } from '../store/module-repository';
import { recordOperation } from '../store/operations-log';
import { noteDeletedDuringRun } from '../preparation/progressive-run';
import { assertOperationAllowed, runGatedWrite } from './operation-gate';

/** Deletes a module; refused while other modules consume it, unless forced. */
export function deleteModule(
  context: EngineContext,
  name: string,
  options: { force?: boolean } = {},
): { deleted: string } {
  const { db } = context;
  assertOperationAllowed(db, 'delete', name, { modules: [name] });
  const module = findModule(db, name);
  if (!module) throw new UserError('not-found', `No module named '${name}' in this environment.`);
  if (module.isSystem)
    throw new UserError('refused', `Module '${name}' is a platform system component and can't be deleted.`);
  const consumers = findConsumers(db, name).filter((consumer) => consumer !== name);
  if (consumers.length > 0 && !options.force) {
    const message =
      `Module '${name}' can't be deleted: ${consumers.length} module${consumers.length === 1 ? '' : 's'} consume${consumers.length === 1 ? 's' : ''} it: ` +
      `${nameList(consumers)}. Use --force to delete it anyway.`;
    recordOperation(db, { operation: 'delete', target: name, outcome: 'refused', message });
    throw new UserError('refused', message);
  }
  runGatedWrite(
    db,
    'delete',
    name,
    () => {
      deleteModuleRows(db, module.id);
      noteDeletedDuringRun(db, name);
      recordOperation(db, {
        operation: 'delete',
        target: name,
        outcome: 'succeeded',
        message: consumers.length ? `forced; consumers: ${nameList(consumers)}` : null,
      });
    },
    { modules: [name] },
  );
  return { deleted: name };
}
