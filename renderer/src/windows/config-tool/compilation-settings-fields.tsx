import { PARALLEL_LIMITS, TIME_LIMIT_LIMITS } from './settings-validation';

/** Props of the compilation settings group. */
export interface CompilationSettingsFieldsProps {
  parallel: string;
  timeLimit: string;
  defaultParallel: number;
  parallelError: string | null;
  timeLimitError: string | null;
  /** The field differs from the saved setting (marked "Changed"). */
  parallelChanged?: boolean;
  timeLimitChanged?: boolean;
  onParallelChange: (value: string) => void;
  onTimeLimitChange: (value: string) => void;
}

/** Parallel compilations and the per-module time limit, validated as whole numbers in range. */
export function CompilationSettingsFields(props: CompilationSettingsFieldsProps) {
  const { parallel, timeLimit, defaultParallel, parallelError, timeLimitError } = props;
  return (
    <fieldset className="group-box" data-testid="compilation-group">
      <legend>Compilation</legend>
      <div className="form-row">
        <label htmlFor="parallel-compilations">
          Parallel compilations
          {props.parallelChanged && <ChangedMarker testId="config-parallel-changed" />}
        </label>
        <div className="form-row__control">
          <input
            id="parallel-compilations"
            type="number"
            inputMode="numeric"
            min={PARALLEL_LIMITS.min}
            max={PARALLEL_LIMITS.max}
            step={1}
            value={parallel}
            onChange={(e) => props.onParallelChange(e.target.value)}
            aria-invalid={parallelError ? true : undefined}
            aria-describedby={`parallel-hint${parallelError ? ' parallel-error' : ''}`}
            data-testid="config-parallel"
          />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => props.onParallelChange(String(defaultParallel))}
            disabled={parallel === String(defaultParallel)}
          >
            Use default
          </button>
        </div>
        <p id="parallel-hint" className="hint">
          Default: {defaultParallel} (the number of CPU cores). Between {PARALLEL_LIMITS.min} and {PARALLEL_LIMITS.max}.
        </p>
        {parallelError && (
          <p id="parallel-error" className="field-error" data-testid="config-parallel-error">
            {parallelError}
          </p>
        )}
      </div>
      <div className="form-row">
        <label htmlFor="module-time-limit">
          Time limit per module (seconds)
          {props.timeLimitChanged && <ChangedMarker testId="config-time-limit-changed" />}
        </label>
        <div className="form-row__control">
          <input
            id="module-time-limit"
            type="number"
            inputMode="numeric"
            min={TIME_LIMIT_LIMITS.min}
            max={TIME_LIMIT_LIMITS.max}
            step={1}
            value={timeLimit}
            onChange={(e) => props.onTimeLimitChange(e.target.value)}
            aria-invalid={timeLimitError ? true : undefined}
            aria-describedby={`time-limit-hint${timeLimitError ? ' time-limit-error' : ''}`}
            data-testid="config-time-limit"
          />
        </div>
        <p id="time-limit-hint" className="hint">
          A module whose compilation takes longer fails with a time-out. Between {TIME_LIMIT_LIMITS.min} and{' '}
          {TIME_LIMIT_LIMITS.max} seconds.
        </p>
        {timeLimitError && (
          <p id="time-limit-error" className="field-error" data-testid="config-time-limit-error">
            {timeLimitError}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** The "changed, not applied yet" marker beside a field's label. */
function ChangedMarker({ testId }: { testId: string }) {
  return (
    <span className="changed-marker" data-testid={testId}>
      <span aria-hidden="true">● </span>Changed
    </span>
  );
}
