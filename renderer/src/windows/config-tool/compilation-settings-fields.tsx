import { NumberField } from '../../components/number-field';
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
      <NumberField
        id="parallel-compilations"
        name="parallel"
        label="Parallel compilations"
        value={parallel}
        limits={PARALLEL_LIMITS}
        hint={`Default: ${defaultParallel} (the number of CPU cores). Between ${PARALLEL_LIMITS.min} and ${PARALLEL_LIMITS.max}.`}
        error={parallelError}
        changed={props.parallelChanged}
        testId="config-parallel"
        onChange={props.onParallelChange}
      >
        <button
          type="button"
          className="button button--quiet"
          onClick={() => props.onParallelChange(String(defaultParallel))}
          disabled={parallel === String(defaultParallel)}
        >
          Use default
        </button>
      </NumberField>
      <NumberField
        id="module-time-limit"
        name="time-limit"
        label="Time limit per module (seconds)"
        value={timeLimit}
        limits={TIME_LIMIT_LIMITS}
        hint={`A module whose compilation takes longer fails with a time-out. Between ${TIME_LIMIT_LIMITS.min} and ${TIME_LIMIT_LIMITS.max} seconds.`}
        error={timeLimitError}
        changed={props.timeLimitChanged}
        testId="config-time-limit"
        onChange={props.onTimeLimitChange}
      />
    </fieldset>
  );
}
