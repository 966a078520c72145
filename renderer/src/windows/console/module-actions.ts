import { call } from '../../api/client';
import { loadModules, refreshStatus } from '../../api/loaders';
import { alertFailure, pushAlert } from '../../stores/alerts-store';

/** Publishes one module and says whether it reused its prepared compilation. Returns true on success. */
export async function publishModule(name: string): Promise<boolean> {
  try {
    const outcome = await call('modules.publish', { names: [name] });
    const failure = outcome.failed.find((f) => f.name === name);
    if (failure) {
      pushAlert('error', `Publish of ${name} failed`, failure.message);
      return false;
    }
    const reused = outcome.reusedPrepared.includes(name);
    pushAlert(
      'success',
      `${name} published`,
      reused
        ? 'The prepared compilation was reused: nothing had to be compiled again.'
        : 'The module was compiled and deployed.',
    );
    return true;
  } catch (error) {
    alertFailure(`Publish ${name}`, error);
    return false;
  } finally {
    void loadModules();
    void refreshStatus();
  }
}

/** Deletes a module (with `force`, even when others consume it). Returns true on success. */
export async function deleteModule(name: string, force: boolean): Promise<boolean> {
  try {
    const { deleted } = await call('modules.delete', force ? { name, force } : { name });
    pushAlert('success', `${deleted} deleted`, `The module ${deleted} was deleted from the environment.`);
    void loadModules();
    void refreshStatus();
    return true;
  } catch (error) {
    alertFailure(`Delete module ${name}`, error);
    return false;
  }
}
