// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CompilationSettingsFields, type CompilationSettingsFieldsProps } from './compilation-settings-fields';

afterEach(cleanup);

function fields(change: Partial<CompilationSettingsFieldsProps> = {}): CompilationSettingsFieldsProps {
  return {
    parallel: '2',
    timeLimit: '60',
    defaultParallel: 4,
    parallelError: null,
    timeLimitError: null,
    onParallelChange: () => undefined,
    onTimeLimitChange: () => undefined,
    ...change,
  };
}

describe('the compilation settings', () => {
  it('label each field, say its range, and mark neither as changed at first', () => {
    render(<CompilationSettingsFields {...fields()} />);
    const parallel = screen.getByLabelText('Parallel compilations') as HTMLInputElement;
    expect(parallel.value).toBe('2');
    expect(document.getElementById('parallel-hint')?.textContent).toBe(
      'Default: 4 (the number of CPU cores). Between 1 and 64.',
    );
    expect(screen.getByLabelText('Time limit per module (seconds)').getAttribute('aria-describedby')).toBe(
      'time-limit-hint',
    );
    expect(screen.queryByText('Changed')).toBeNull();
  });

  it('show a value out of range as an error the field is described by, and mark it changed', () => {
    render(
      <CompilationSettingsFields
        {...fields({ timeLimit: '2', timeLimitChanged: true, timeLimitError: 'Must be between 5 and 3600.' })}
      />,
    );
    const timeLimit = screen.getByTestId('config-time-limit');
    expect(timeLimit.getAttribute('aria-invalid')).toBe('true');
    expect(timeLimit.getAttribute('aria-describedby')).toBe('time-limit-hint time-limit-error');
    expect(screen.getByTestId('config-time-limit-error').textContent).toBe('Must be between 5 and 3600.');
    expect(screen.getByTestId('config-time-limit-changed')).toBeTruthy();
  });

  it('pass what the admin types on, and put the default back with Use default', async () => {
    const typed: string[] = [];
    render(<CompilationSettingsFields {...fields({ parallel: '', onParallelChange: (value) => typed.push(value) })} />);
    await userEvent.type(screen.getByTestId('config-parallel'), '8');
    await userEvent.click(screen.getByRole('button', { name: 'Use default' }));
    expect(typed).toEqual(['8', '4']);
  });
});
