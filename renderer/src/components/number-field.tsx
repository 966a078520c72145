import type { ReactNode } from 'react';

/** Props of one whole-number field in a form row. */
export interface NumberFieldProps {
  /** The input's id (its label points at it). */
  id: string;
  /** Prefix of the hint's and the error's ids (`<name>-hint`, `<name>-error`), which the input is described by. */
  name: string;
  label: string;
  value: string;
  limits: { min: number; max: number };
  hint: ReactNode;
  /** The message under the field when the value is not a whole number in range; null when it is. */
  error: string | null;
  /** The value differs from the saved setting: marked "Changed" beside the label. */
  changed?: boolean;
  testId: string;
  onChange: (value: string) => void;
  /** Beside the input (a "Use default" button). */
  children?: ReactNode;
}

/** A labelled whole-number input with its range hint, its error and the "Changed" marker. */
export function NumberField(props: NumberFieldProps) {
  const { id, name, error, testId } = props;
  return (
    <div className="form-row">
      <label htmlFor={id}>
        {props.label}
        {props.changed && <ChangedMarker testId={`${testId}-changed`} />}
      </label>
      <div className="form-row__control">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={props.limits.min}
          max={props.limits.max}
          step={1}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}
          data-testid={testId}
        />
        {props.children}
      </div>
      <p id={`${name}-hint`} className="hint">
        {props.hint}
      </p>
      {error && (
        <p id={`${name}-error`} className="field-error" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
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
