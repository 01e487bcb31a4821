/**
 * "Edit Vega-Lite spec" for a custom visual: a modal dialog with the spec (stored in
 * `format.customSpec`) in a monospace textarea. "Apply" checks the JSON first: an error names its
 * line and column (role=alert) and keeps the text; a valid spec is stored with `setVisualFormat`.
 */
import { CustomSpecError, parseCustomSpec, setVisualFormat } from '@tessera/shared';
import { ModalDialog } from '../../../ui/ModalDialog';
import { useState, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../../workbook';
import { useVisualResults } from '../format/visual-results';
import { useEdit } from '../use-edit';
import { customSpecOf } from './custom-spec';
import { useExtrasStore } from './extras-store';

function SpecEditor({ visualId, onClose }: { visualId: string; onClose: () => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const visual = snapshot.visuals[visualId];
  const fields = useVisualResults((s) => s.results[visualId]?.fields);
  const edit = useEdit();
  const [text, setText] = useState(() => customSpecOf(visual?.format ?? {}, fields ?? []));
  const [error, setError] = useState<string | null>(null);


  const apply = () => {
    try {
      parseCustomSpec(text);
    } catch (e) {
      if (e instanceof CustomSpecError) {
        setError(e.message);
        return;
      }
      throw e;
    }
    setError(null);
    edit((doc) => setVisualFormat(doc, visualId, 'customSpec', text));
    onClose();
  };

  const names = (fields ?? []).map((f) => f.label);
  return (
    <ModalDialog label="Edit Vega-Lite spec" className="extras__spec-dialog" onClose={onClose}>
      <h2 className="extras__spec-title">Edit Vega-Lite spec</h2>
      <p className="muted">
        The rows are bound as data “table”. Fields by name: {names.length > 0 ? names.map((n) => `“${n}”`).join(', ') : 'add fields to the wells first'}.
      </p>
      <textarea
        className="extras__spec-text"
        aria-label="Vega-Lite spec (JSON)"
        spellCheck={false}
        value={text}
        rows={18}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? (
        <p className="extras__spec-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="extras__spec-actions">
        <button type="button" className="btn btn--primary" onClick={apply}>
          Apply
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

/** Mounted once by the report: the spec editor of the visual whose "Edit spec" was pressed. */
export function CustomSpecLayer(): ReactNode {
  const visualId = useExtrasStore((s) => s.editingSpecOf);
  const close = useExtrasStore((s) => s.closeSpecEditor);
  return visualId ? <SpecEditor key={visualId} visualId={visualId} onClose={close} /> : null;
}

/** The "Edit spec" button in a custom visual's header. */
export function EditSpecButton({ visualId, label }: { visualId: string; label: string }): ReactNode {
  return (
    <button
      type="button"
      className="visual__action"
      aria-label={`Edit spec of ${label}`}
      title="Edit spec"
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => useExtrasStore.getState().openSpecEditor(visualId)}
    >
      <span aria-hidden="true">{'{ }'}</span>
    </button>
  );
}
