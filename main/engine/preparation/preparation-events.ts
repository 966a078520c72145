import type { LogLine, PreparationProgress } from '../../../common/domain';

/**
 * The one event stream of an upgrade or a preparation. The CLI, the service
 * process (and through it Electron and the browser host) all consume it.
 */
export type EngineEvent = { type: 'progress'; progress: PreparationProgress } | { type: 'log'; line: LogLine };

export type EngineEventListener = (event: EngineEvent) => void;
