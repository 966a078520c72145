// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeleteModuleDialog } from './delete-module-dialog';

afterEach(cleanup);

const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;

describe('the Delete module dialog', () => {
  it('opens with the focus on Cancel, and Esc cancels', async () => {
    const cancelled: string[] = [];
    render(
      <DeleteModuleDialog
        name="Mailer"
        consumers={[]}
        busy={false}
        onConfirm={() => undefined}
        onCancel={() => cancelled.push('esc')}
      />,
    );
    expect(document.activeElement).toBe(button('delete-cancel'));
    await userEvent.keyboard('{Escape}');
    expect(cancelled).toEqual(['esc']);
  });

  it('keeps Delete disabled while other modules consume the module, until the admin ticks "Delete it anyway"', async () => {
    const confirmed: boolean[] = [];
    render(
      <DeleteModuleDialog
        name="Core"
        consumers={['Orders', 'Invoices']}
        busy={false}
        onConfirm={(force) => confirmed.push(force)}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole('dialog').textContent).toContain('2 modules consume Core: Orders, Invoices.');
    expect(button('delete-confirm').disabled).toBe(true);
    await userEvent.click(screen.getByTestId('delete-force'));
    expect(button('delete-confirm').disabled).toBe(false);
    await userEvent.click(button('delete-confirm'));
    expect(confirmed).toEqual([true]);
  });

  it('while deleting: says so, and neither button can be pressed', () => {
    render(
      <DeleteModuleDialog name="Mailer" consumers={[]} busy onConfirm={() => undefined} onCancel={() => undefined} />,
    );
    expect(button('delete-confirm').textContent).toBe('Deleting…');
    expect(button('delete-confirm').disabled).toBe(true);
    expect(button('delete-cancel').disabled).toBe(true);
  });
});
