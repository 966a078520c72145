import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { UpgradeStep } from '../../../../common/domain';
import { StepStatusIcon } from '../../components/status-badge';
import { usePreparationStore } from '../../stores/preparation-store';
import { PrepareStepLines } from './prepare-step-lines';

function StepItem({ step }: { step: UpgradeStep }) {
  const isPrepare = step.id === 'prepare-modules';
  // The prepare step opens by default when it has something to show: that is where the admin looks.
  const [open, setOpen] = useState(isPrepare && step.status !== 'pending');
  const panelId = `step-panel-${step.id}`;
  const expandable = isPrepare || step.detail !== null;
  return (
    <li className={`step step--${step.status}`} data-testid={`step-${step.id}`} data-step-status={step.status}>
      <div className="step__head">
        <StepStatusIcon status={step.status} />
        {expandable ? (
          <button
            type="button"
            className="step__toggle"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            <span className="step__chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            {step.title}
          </button>
        ) : (
          <span className="step__title">
            <span className="step__chevron" aria-hidden="true" />
            {step.title}
          </span>
        )}
      </div>
      {expandable && open && (
        <div id={panelId} className="step__panel">
          {step.detail && <p className="step__detail">{step.detail}</p>}
          {isPrepare && <PrepareStepLines />}
        </div>
      )}
    </li>
  );
}

/** The upgrade steps with status icons; each expands to its lines. */
export function StepList() {
  // Steps change only when a step moves on; useShallow keeps counts ticks from re-rendering the list.
  const steps = usePreparationStore(useShallow((s) => s.progress?.steps ?? []));
  return (
    <section className="card" aria-labelledby="steps-title">
      <h2 id="steps-title" className="card__title">
        Steps
      </h2>
      <ol className="steps" data-testid="steps">
        {steps.map((step) => (
          <StepItem key={step.id} step={step} />
        ))}
      </ol>
    </section>
  );
}
