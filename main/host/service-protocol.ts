/**
 * Messages between a host (Electron main, or the browser host) and the service
 * process: the utility process that owns the environment database and runs the
 * upgrade/preparation coordinator. Hosts never touch SQLite themselves.
 */
import type { Channel, EventName, EventPayloads, InvokeResult } from '../../common/contract';
import type { SharedCacheSecrets } from '../engine/shared-cache/shared-cache-types';

/** Host → service. Payloads are validated by the host before they are sent. */
export type HostToService =
  | { type: 'request'; id: number; channel: Channel; payload: unknown }
  /** Stop compiling, mark the run interrupted (it resumes on the next start), then exit. */
  | { type: 'shutdown' }
  /** The desktop app's shared cache secrets, decrypted by main (safeStorage): sent at each start and each change. */
  | { type: 'shared-cache-secrets'; secrets: SharedCacheSecrets };

/** Service → host. */
export type ServiceToHost =
  | { type: 'ready'; environmentDir: string }
  | { type: 'response'; id: number; result: InvokeResult<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: EventPayloads[E] } }[EventName]
  /** The service could not open the environment: the message is for the admin. */
  | { type: 'fatal'; message: string };

/** Channels a host answers itself, without the service (windows, quitting). */
export const HOST_CHANNELS = ['window.open', 'app.exit'] as const satisfies readonly Channel[];
