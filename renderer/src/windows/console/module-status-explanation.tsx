import type { ModuleDetail } from '../../../../common/domain';
import { formatDateTime } from '../../lib/format';
import { hrefs } from '../../routing/route';
import { ModuleErrors } from './module-errors';

/** Links to modules, inline. */
export function ModuleLinks({ names }: { names: string[] }) {
  return (
    <ul className="inline-list">
      {names.map((n) => (
        <li key={n}>
          <a className="link" href={hrefs.module(n)}>
            {n}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Where the module runs now, in words: "It keeps running on 11.11.3." or "It is not deployed." */
function runningSentence(detail: ModuleDetail): string {
  return detail.runningVersion ? `It keeps running on ${detail.runningVersion}.` : 'It is not deployed.';
}

/** What is true for the module's status, and the next step that fits it. */
export function ModuleStatusExplanation({ detail }: { detail: ModuleDetail }) {
  const env = detail.environmentVersion;
  const prepareAgainLink = (
    <>
      <strong>Prepare again</strong> in the{' '}
      <a className="link" href={hrefs.history}>
        Upgrades history
      </a>
    </>
  );
  switch (detail.status) {
    case 'up-to-date':
      return null;
    case 'prepared':
      return detail.statusMessage ? (
        <p className="note" data-testid="module-status-message">
          {detail.statusMessage}
        </p>
      ) : null;
    case 'pending':
    case 'compiling':
      return (
        <p className="note note--blue" data-testid="module-status-message">
          The modules preparation for {env} is working on it now. {runningSentence(detail)}
        </p>
      );
    case 'excluded':
      return (
        <div className="note note--blue callout" role="note" data-testid="module-excluded">
          <p>
            <strong>
              {detail.state === 'publish-failed'
                ? 'Its last publish failed: no preparation includes it.'
                : 'Never published: no preparation includes it.'}
            </strong>{' '}
            {runningSentence(detail)}
          </p>
          <p>
            To run it on {env}, {detail.state === 'publish-failed' ? 'fix its errors, upload it and ' : ''}
            <strong>publish it</strong>: publishing compiles and deploys it.
          </p>
        </div>
      );
    case 'skipped':
      return (
        <div className="note note--orange callout" role="note" data-testid="module-not-upgraded">
          <p>
            <strong>This module has not been upgraded yet to {env}.</strong> Its preparation was skipped because{' '}
            {detail.waitingFor.length > 0 ? (
              <>
                {detail.waitingFor.length === 1 ? 'the module it consumes, ' : 'the modules it consumes, '}
                <span data-testid="module-waiting-for">
                  {detail.waitingFor.map((producer, i) => (
                    <span key={producer}>
                      {i > 0 && ', '}
                      <a className="link" href={hrefs.module(producer)}>
                        {producer}
                      </a>
                    </span>
                  ))}
                </span>
                {detail.waitingFor.length === 1 ? ', is not prepared.' : ', are not prepared.'}
              </>
            ) : (
              'a module it consumes is not prepared.'
            )}{' '}
            {runningSentence(detail)}
          </p>
          <p>
            Once {detail.waitingFor.length === 1 ? 'it is' : 'they are'} prepared (open{' '}
            {detail.waitingFor.length === 1 ? 'it' : 'them'} to see why not), publish this module or choose{' '}
            {prepareAgainLink}.
          </p>
        </div>
      );
    default:
      return (
        <div className="note note--orange callout" role="note" data-testid="module-not-upgraded">
          <p>
            <strong>This module has not been upgraded yet to {env}.</strong> {detail.statusMessage}{' '}
            {runningSentence(detail)}
          </p>
          <p>
            To upgrade it, {detail.status === 'failed' ? 'fix its errors, upload it and ' : ''}
            <strong>publish it</strong>, or choose {prepareAgainLink}.
          </p>
        </div>
      );
  }
}

/** The module's failed publish: when, on which version, and its compiler errors when they were kept. */
export function PublishFailure({ detail }: { detail: ModuleDetail }) {
  const failure = detail.publishFailure!;
  return (
    <section className="card" aria-labelledby="publish-failure-title" data-testid="module-publish-failure">
      <h2 id="publish-failure-title" className="card__title">
        Last publish failed {failure.errors.length > 0 && <span className="tag tag--red">{failure.errors.length}</span>}
      </h2>
      <p className="muted">
        On Platform Server {failure.platformVersion}, {formatDateTime(failure.at)}.
      </p>
      {failure.errors.length > 0 ? (
        <ModuleErrors errors={failure.errors} bare />
      ) : (
        <p data-testid="module-publish-failure-unknown">
          The environment was imported with this module already failed to publish, so no compiler output was kept.
          Publish it to compile it again and see its errors.
        </p>
      )}
    </section>
  );
}
