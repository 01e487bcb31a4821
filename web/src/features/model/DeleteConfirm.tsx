/**
 * Deleting something of the model (a measure, a calculated column): at once when nothing uses it; otherwise a
 * confirmation says what uses it first. Either way one shared command, one undo step.
 */
import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { ModalDialog } from '../../ui/ModalDialog';
import { EditorFooter } from './editor-parts';
import { useModelEdit } from './model-edit';

export interface Deletion {
  /** "measure", "column". */
  what: string;
  name: string;
  /** What uses it ("2 visuals and the measure Share"), or '' when unused. */
  usage: string;
  remove: (doc: Y.Doc) => void;
}

function DeleteConfirm({ item, onClose }: { item: Deletion; onClose: () => void }): ReactNode {
  const edit = useModelEdit();
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    const result = edit(item.remove);
    if (result.ok) onClose();
    else setError(result.message);
  };
  return (
    <ModalDialog label={`Delete ${item.what} ${item.name}`} className="measure-editor" onClose={onClose}>
      <h2 className="measure-editor__title">
        Delete {item.what} “{item.name}”?
      </h2>
      <p>It is used by {item.usage}. They will show an error until they are changed, or until you undo the deletion (Ctrl+Z).</p>
      <EditorFooter error={error} onAction={remove} onCancel={onClose} action="Delete" danger focusCancel />
    </ModalDialog>
  );
}

/** `ask(item)` deletes it, or first asks when it is used; `layer` is the confirmation, `error` the last refusal. */
export function useDeletion(): { ask: (item: Deletion) => void; layer: ReactNode; error: string | null } {
  const edit = useModelEdit();
  const [confirming, setConfirming] = useState<Deletion | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    ask: (item) => {
      if (item.usage) return setConfirming(item);
      const result = edit(item.remove);
      setError(result.ok ? null : result.message);
    },
    layer: confirming ? <DeleteConfirm item={confirming} onClose={() => setConfirming(null)} /> : null,
    error,
  };
}
