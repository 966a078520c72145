import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/** Props of a modal dialog. */
export interface ModalDialogProps {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  /** The buttons row. */
  actions: ReactNode;
  testId?: string;
  tone?: 'default' | 'danger';
  /** Where focus returns on close (default: what had it when the dialog opened, when still there). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in and stays trapped, Esc cancels, and focus
 * returns to where it was when the dialog closes.
 */
export function ModalDialog({
  title,
  onCancel,
  children,
  actions,
  testId,
  tone = 'default',
  returnFocusTo,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const cancelRef = useRef(onCancel);
  useEffect(() => {
    cancelRef.current = onCancel;
  });

  const returnRef = useRef(returnFocusTo);
  useEffect(() => {
    const returnTo = returnRef.current;
    const opener = document.activeElement as HTMLElement | null;
    const dialog = dialogRef.current;
    const first =
      dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog)?.focus();
    return () => {
      // The opener may have been disabled (busy) when the dialog opened: then focus the named element.
      const target = returnTo?.current ?? (opener && opener !== document.body ? opener : null);
      // After the dialog unmounts, so a button re-enabled in the same render can take focus.
      setTimeout(() => target?.focus?.(), 0);
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancelRef.current();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = Array.from(dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className={`modal modal--${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <div className="modal__body">{children}</div>
        <div className="modal__actions">{actions}</div>
      </div>
    </div>
  );
}

/** Props of a dialog's confirm and cancel buttons. */
export interface ConfirmActionsProps {
  /** The confirm button's words, and what it says while the action runs ("Publishing…"). */
  confirm: string;
  busyLabel?: string;
  cancel?: string;
  /** The action runs: both buttons are disabled and the confirm button says `busyLabel`. */
  busy?: boolean;
  /** The confirm button alone is disabled (the dialog says why). */
  confirmDisabled?: boolean;
  tone?: 'primary' | 'danger';
  /** Which button has the focus when the dialog opens (the safe one for a destructive action). */
  autofocus?: 'confirm' | 'cancel';
  onConfirm: () => void;
  onCancel: () => void;
  confirmTestId?: string;
  cancelTestId?: string;
}

/** A modal dialog's buttons row: confirm (busy while the action runs) and cancel. */
export function ConfirmActions(props: ConfirmActionsProps) {
  const { busy = false, autofocus = 'confirm' } = props;
  return (
    <>
      <button
        type="button"
        className={`button button--${props.tone ?? 'primary'}`}
        onClick={props.onConfirm}
        disabled={busy || props.confirmDisabled}
        data-testid={props.confirmTestId}
        data-autofocus={autofocus === 'confirm' || undefined}
      >
        {busy && props.busyLabel ? props.busyLabel : props.confirm}
      </button>
      <button
        type="button"
        className="button"
        onClick={props.onCancel}
        disabled={busy}
        data-testid={props.cancelTestId}
        data-autofocus={autofocus === 'cancel' || undefined}
      >
        {props.cancel ?? 'Cancel'}
      </button>
    </>
  );
}
