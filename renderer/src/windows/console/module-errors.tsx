import type { ModuleError } from '../../../../common/domain';

/** "src/index.ts:12:5" where known. */
export function errorLocation(error: ModuleError): string | null {
  if (!error.file) return null;
  return [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
}

/** The error list alone, file:line:column message per line. */
function ErrorList({ errors }: { errors: ModuleError[] }) {
  return (
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
  );
}

/** The module's compiler errors, as file:line:column message (`bare`: the list without its card). */
export function ModuleErrors({ errors, bare = false }: { errors: ModuleError[]; bare?: boolean }) {
  if (bare) return <ErrorList errors={errors} />;
  return (
    <section aria-labelledby="errors-title" className="card">
      <h2 id="errors-title" className="card__title">
        Compiler errors {errors.length > 0 && <span className="tag tag--red">{errors.length}</span>}
      </h2>
      {errors.length === 0 ? <p className="muted">No errors.</p> : <ErrorList errors={errors} />}
    </section>
  );
}
