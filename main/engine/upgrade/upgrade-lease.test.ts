import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFactory } from '../../../test-support/generated-factory';
import os from 'node:os';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../engine-options';
import { importFactory } from '../factory/import-factory';
import { openEnvironment } from '../open-environment';
import { createNodeWorkerSpawner, type WorkerSpawner } from '../process/worker-spawner';
import { activeLock } from '../store/lock-repository';
import { upgradeEnvironment } from './upgrade-environment';

let workDir: string;
let importedEnv: string;
let counter = 0;

function freshEnvironment(): string {
  const dir = path.join(workDir, `env-${++counter}`);
  fs.cpSync(importedEnv, dir, { recursive: true });
  return dir;
}

function failingAt(step: string): EngineOptions {
  return { ...DEFAULT_ENGINE_OPTIONS, faults: { ...DEFAULT_ENGINE_OPTIONS.faults, failSteps: new Set([step]) } };
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-upgrade-lease-'));
  generateFactory(path.join(workDir, 'factory'), { moduleCount: 6, seed: 3, uploadedOnly: 0, publishFailed: 0 });
  importedEnv = path.join(workDir, 'imported');
  await importFactory(importedEnv, path.join(workDir, 'factory'), { spawner: createNodeWorkerSpawner() });
}, 120_000);

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('the upgrade lets go of its lease when it fails to start', () => {
  it('releases the lock when the compiler processes can not start', async () => {
    const broken: WorkerSpawner = {
      spawn: () => {
        throw new Error('spawn ENOMEM');
      },
    };
    const { recovered: _recovered, ...context } = openEnvironment(freshEnvironment(), { spawner: broken });
    try {
      await expect(upgradeEnvironment(context, { onEvent: () => {} })).rejects.toThrow(/ENOMEM/);
      expect(activeLock(context.db)).toBeNull();
    } finally {
      context.db.close();
    }
  });

  it('releases the lock when the preparation can not start', async () => {
    const { recovered: _recovered, ...context } = openEnvironment(freshEnvironment(), {
      spawner: createNodeWorkerSpawner(),
      options: failingAt('prepare-modules'),
    });
    try {
      await expect(upgradeEnvironment(context, { onEvent: () => {} })).rejects.toThrow(/prepare-modules/);
      expect(activeLock(context.db)).toBeNull();
    } finally {
      context.db.close();
    }
  }, 120_000);
});
