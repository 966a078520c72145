import { useEffect, useState } from 'react';
import type { SharedCacheConnectionCheck, SharedCacheState } from '../../../../common/contract';
import { sharedCacheCountsWords } from '../../../../common/run-words';
import { call } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { alertFailure } from '../../stores/alerts-store';

type Mode = SharedCacheState['mode'];

const MODE_HINTS: Record<Mode, string> = {
  off: 'Everything stays local.',
  'read-only': 'Downloads what other environments compiled, never uploads (production).',
  'read-write': 'Downloads, and uploads what this environment compiles (development, QA).',
};

/**
 * The Configuration Tool's Shared compilation cache section (spec §4d): URL, team, mode, the secrets (write-only:
 * the window is only told whether each is set), Save and Test connection, and the last run's counts.
 */
export function SharedCacheSection() {
  const [state, setState] = useState<SharedCacheState | null>(null);
  const [mode, setMode] = useState<Mode>('off');
  const [url, setUrl] = useState('');
  const [team, setTeam] = useState('');
  const [token, setToken] = useState('');
  const [signingKey, setSigningKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<SharedCacheConnectionCheck | null>(null);

  const show = (next: SharedCacheState) => {
    setState(next);
    setMode(next.mode);
    setUrl(next.url);
    setTeam(next.team);
    setToken('');
    setSigningKey('');
  };

  useEffect(() => {
    call('sharedCache.state', {}).then(show, (error) => alertFailure('Shared compilation cache', error));
  }, []);

  if (!state) return null;
  const settings = { mode, url: url.trim(), team: team.trim() };

  const onSave = async () => {
    setBusy(true);
    try {
      show(
        await call('sharedCache.save', {
          ...settings,
          ...(token ? { token } : {}),
          ...(signingKey ? { signingKey } : {}),
        }),
      );
    } catch (error) {
      alertFailure('Shared compilation cache', error);
    } finally {
      setBusy(false);
    }
  };

  const onTest = async () => {
    setBusy(true);
    setCheck(null);
    try {
      setCheck(await call('sharedCache.test', settings));
    } catch (error) {
      setCheck({ lines: [], problem: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="group-box" data-testid="shared-cache-group">
      <legend>Shared compilation cache</legend>
      <div className="form-row">
        <label htmlFor="shared-cache-mode">Mode</label>
        <div className="form-row__control">
          <select
            id="shared-cache-mode"
            value={mode}
            onChange={(e) => setMode(e.target.value as Mode)}
            data-testid="shared-cache-mode"
          >
            <option value="off">Off</option>
            <option value="read-only">Read-only</option>
            <option value="read-write">Read-write</option>
          </select>
        </div>
        <p className="hint">{MODE_HINTS[mode]}</p>
      </div>
      <div className="form-row">
        <label htmlFor="shared-cache-url">Server URL</label>
        <div className="form-row__control">
          <input
            id="shared-cache-url"
            type="url"
            value={url}
            placeholder="https://cache.example.internal:3000"
            onChange={(e) => setUrl(e.target.value)}
            data-testid="shared-cache-url"
          />
        </div>
      </div>
      <div className="form-row">
        <label htmlFor="shared-cache-team">Team</label>
        <div className="form-row__control">
          <input
            id="shared-cache-team"
            value={team}
            onChange={(e) => setTeam(e.target.value)}
            data-testid="shared-cache-team"
          />
        </div>
      </div>
      <SecretField id="shared-cache-token" label="Token" set={state.tokenSet} value={token} onChange={setToken} />
      <SecretField
        id="shared-cache-signing-key"
        label="Signing key"
        set={state.signingKeySet}
        value={signingKey}
        onChange={setSigningKey}
      />
      <p className="hint">
        Secrets are kept in {state.secretsKeptIn}, never in the environment.
        {state.overriddenBy.length > 0 && ` Set by variables in this process: ${state.overriddenBy.join(', ')}.`}
      </p>
      <div className="form-row__control">
        <button
          type="button"
          className="button"
          onClick={() => void onSave()}
          disabled={busy}
          data-testid="shared-cache-save"
        >
          Save
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void onTest()}
          disabled={busy || mode === 'off'}
          data-testid="shared-cache-test"
        >
          Test connection
        </button>
      </div>
      {check && (
        <div
          className={`note ${check.problem ? 'note--red' : 'note--green'}`}
          role="status"
          data-testid="shared-cache-check"
        >
          {check.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {check.problem && <p>{check.problem}</p>}
        </div>
      )}
      <LastRun lastRun={state.lastRun} />
    </fieldset>
  );
}

const RUN_NAMES: Record<NonNullable<SharedCacheState['lastRun']>['kind'], string> = {
  upgrade: 'Upgrade',
  prepare: 'Prepare again',
  check: 'Readiness check',
};

/** The latest run that used the cache: what it found there ("4 hits, 0 misses…"). */
function LastRun({ lastRun }: { lastRun: SharedCacheState['lastRun'] }) {
  return (
    <p className="hint" data-testid="shared-cache-last-run">
      {lastRun
        ? `Last run (${RUN_NAMES[lastRun.kind]} to ${lastRun.toVersion}, started ${formatDateTime(lastRun.startedAt)}): ${sharedCacheCountsWords(lastRun.counts)}.`
        : 'No run has used the shared cache yet.'}
    </p>
  );
}

/** A write-only secret: says whether one is set; typing replaces it on Save. */
function SecretField(props: { id: string; label: string; set: boolean; value: string; onChange: (v: string) => void }) {
  return (
    <div className="form-row">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="form-row__control">
        <input
          id={props.id}
          type="password"
          autoComplete="off"
          value={props.value}
          placeholder={props.set ? 'set (type to replace)' : 'not set'}
          onChange={(e) => props.onChange(e.target.value)}
          data-testid={props.id}
        />
      </div>
    </div>
  );
}
