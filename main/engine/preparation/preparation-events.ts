import type { LogLine, ModulePreparationStatus, PreparationProgress } from '../../../common/domain';

/**
 * The one event stream of an upgrade or a preparation. The CLI, the service
 * process (and through it Electron and the browser host) all consume it.
 * `module` says that one module's status in the run changed (after it was committed).
 */
export type EngineEvent =
  | { type: 'progress'; progress: PreparationProgress }
  | { type: 'log'; line: LogLine }
  | { type: 'module'; name: string; status: ModulePreparationStatus };

export type EngineEventListener = (event: EngineEvent) => void;
