/** Props of a progress bar. */
export interface ProgressBarProps {
  percent: number;
  label: string;
  tone?: 'blue' | 'green' | 'orange' | 'red';
  testId?: string;
  size?: 'normal' | 'small';
}

/** An accessible progress bar (role="progressbar", aria-valuenow = whole percent). */
export function ProgressBar({ percent, label, tone = 'blue', testId, size = 'normal' }: ProgressBarProps) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      className={`progress progress--${tone} progress--${size}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={`${value}%`}
      data-testid={testId}
    >
      <div className="progress__fill" style={{ width: `${value}%` }} />
    </div>
  );
}
