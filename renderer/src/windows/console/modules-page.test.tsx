// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigToolApi } from '../../../../common/contract';
import type { ModuleConsoleStatus, ModuleRow } from '../../../../common/domain';
import { encodeModuleRows } from '../../../../common/module-list';
import { ModulesPage } from './modules-page';

// jsdom lays nothing out: the virtualised table's size watcher has nothing to report.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function row(name: string, application: string, status: ModuleConsoleStatus): ModuleRow {
  return { name, application, kind: 'library', state: 'published', runningVersion: '11.11.3', status };
}

const ROWS = [
  row('Core', 'Shared', 'prepared'),
  row('Orders', 'Sales', 'prepared'),
  row('Mailer', 'Billing', 'failed'),
  row('Invoices', 'Billing', 'skipped'),
  row('Portal', 'Sales', 'failed'),
];

beforeAll(() => {
  const host: ConfigToolApi = {
    host: 'browser',
    invoke: (channel) =>
      Promise.resolve(
        channel === 'modules.list'
          ? { ok: true, value: encodeModuleRows(ROWS) as never }
          : { ok: false, error: { code: 'unavailable', message: 'not in this test' } },
      ),
    on: () => () => undefined,
  };
  window.configTool = host;
});
afterAll(cleanup);

describe('the Modules list’s filters', () => {
  it('count what the search, the status and the application leave, and Clear filters brings every module back', async () => {
    render(<ModulesPage />);
    const count = screen.getByTestId('modules-count');
    await expect.poll(() => count.textContent).toBe('Showing 5 of 5 modules');

    await userEvent.type(screen.getByTestId('modules-search'), 'billing');
    expect(count.textContent).toBe('Showing 2 of 5 modules');

    await userEvent.selectOptions(screen.getByTestId('modules-filter-status'), 'failed');
    expect(count.textContent).toBe('Showing 1 of 5 modules');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(count.textContent).toBe('Showing 5 of 5 modules');

    await userEvent.selectOptions(screen.getByTestId('modules-filter-application'), 'Sales');
    expect(count.textContent).toBe('Showing 2 of 5 modules');
  });
});
