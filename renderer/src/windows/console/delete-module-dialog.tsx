import { useState } from 'react';
import { ConfirmActions, ModalDialog } from '../../components/modal-dialog';

/** Props of the Delete module confirmation. */
export interface DeleteModuleDialogProps {
  name: string;
  consumers: string[];
  busy: boolean;
  onConfirm: (force: boolean) => void;
  onCancel: () => void;
}

/** Confirms deleting a module; when other modules consume it, the admin must tick that they know. */
export function DeleteModuleDialog({ name, consumers, busy, onConfirm, onCancel }: DeleteModuleDialogProps) {
  const [force, setForce] = useState(false);
  const blocked = consumers.length > 0 && !force;
  return (
    <ModalDialog
      title={`Delete module ${name}?`}
      onCancel={onCancel}
      testId="delete-dialog"
      tone="danger"
      actions={
        <ConfirmActions
          confirm="Delete"
          busyLabel="Deleting…"
          busy={busy}
          confirmDisabled={blocked}
          tone="danger"
          autofocus="cancel"
          onConfirm={() => onConfirm(force)}
          onCancel={onCancel}
          confirmTestId="delete-confirm"
          cancelTestId="delete-cancel"
        />
      }
    >
      <p>The module, its versions and its compilations are removed from the environment. This cannot be undone.</p>
      {consumers.length > 0 && (
        <>
          <p className="note note--orange">
            {consumers.length} module{consumers.length === 1 ? '' : 's'} consume {name}: {consumers.join(', ')}. They
            will fail to compile until their references are fixed.
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={force}
              onChange={(e) => setForce(e.target.checked)}
              data-testid="delete-force"
            />
            Delete it anyway
          </label>
        </>
      )}
    </ModalDialog>
  );
}
