/**
 * The contract's channel and event names, without their schemas: the preload and anything else that only needs
 * the names imports them from here, so it bundles no zod. common/contract.ts holds one schema per channel named
 * here (the compiler checks that each has one).
 */
import type { EventName } from './contract';

/** Every request channel, dotted by domain. */
export const CHANNELS = [
  'environment.status',
  'settings.save',
  'upgrade.start',
  'preparation.state',
  'preparation.retry',
  'runs.list',
  'readiness.state',
  'readiness.check',
  'readiness.cancel',
  'preparation.deployPrepared',
  'modules.list',
  'modules.detail',
  'modules.publish',
  'modules.delete',
  'configuration.apply',
  'sharedCache.state',
  'sharedCache.save',
  'sharedCache.test',
  'report.export',
  'window.open',
  'app.exit',
] as const;

/** A request channel's name. */
export type Channel = (typeof CHANNELS)[number];

/** Every event pushed to the windows. */
export const EVENT_NAMES: readonly EventName[] = [
  'preparation.update',
  'environment.changed',
  'service.notice',
  'readiness.progress',
];

const channelSet = new Set<string>(CHANNELS);

/** Whether a value (a request from a window or a socket) names a contract channel. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}
