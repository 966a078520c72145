import type { ModuleError } from '../../../../common/domain';

/** "src/index.ts:12:5" where known. */
export function errorLocation(error: ModuleError): string | null {
  if (!error.file) return null;
  return [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
}

/** The module's compiler errors, as file:line:column message. */
export function ModuleErrors({ errors }: { errors: ModuleError[] }) {
  return (
    <section aria-labelledby="errors-title" className="card">
      <h2 id="errors-title" className="card__title">
        Compiler errors {errors.length > 0 && <span className="tag tag--red">{errors.length}</span>}
      </h2>
      {errors.length === 0 ? (
        <p className="muted">No errors.</p>
      ) : (
        <ul className="error-list" data-testid="module-errors">
          {errors.map((error, i) => {
            const where = errorLocation(error);
            return (
              <li key={i} className="error-list__item" data-testid="module-error">
                {where && <span className="mono error-list__where">{where}</span>}{' '}
                <span className="error-list__message">{error.message}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
