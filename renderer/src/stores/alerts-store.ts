import { create } from 'zustand';
import { REFUSED_BY_LOCK, toErrorPayload } from '../api/contract-error';

/** What an alert reports: a refusal by the preparation lock, another error, or a success. */
export type AlertKind = 'refused' | 'error' | 'success' | 'info';

/** One message for the admin; errors and refusals stay until dismissed. */
export interface Alert {
  id: number;
  kind: AlertKind;
  title: string;
  message: string;
  /** How many times the same message came (a refusal repeated shows once, counted). */
  repeats: number;
}

interface AlertsState {
  alerts: Alert[];
}

/** Alerts store, shown by the AlertStack of each window. */
export const useAlertsStore = create<AlertsState>(() => ({ alerts: [] }));

let nextId = 1;

/** Shows a message (the same one again moves to the end, counted); returns its id. */
export function pushAlert(kind: AlertKind, title: string, message: string): number {
  const id = nextId++;
  useAlertsStore.setState((state) => {
    const same = state.alerts.find((a) => a.kind === kind && a.title === title && a.message === message);
    const others = same ? state.alerts.filter((a) => a !== same) : state.alerts;
    return { alerts: [...others, { id, kind, title, message, repeats: (same?.repeats ?? 0) + 1 }] };
  });
  return id;
}

/** Removes every message. */
export function dismissAllAlerts(): void {
  useAlertsStore.setState({ alerts: [] });
}

/** Removes a message. */
export function dismissAlert(id: number): void {
  useAlertsStore.setState((state) => ({ alerts: state.alerts.filter((alert) => alert.id !== id) }));
}

/** Shows a failed operation; a lock refusal gets its own wording so the admin knows to wait. */
export function alertFailure(operation: string, error: unknown): void {
  const payload = toErrorPayload(error);
  if (payload.code === REFUSED_BY_LOCK) {
    pushAlert(
      'refused',
      `${operation} refused: the environment is locked by an upgrade or preparation`,
      payload.message,
    );
  } else {
    pushAlert('error', `${operation} failed`, payload.message);
  }
}
