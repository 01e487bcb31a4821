import type { ReactNode } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
import { SHORTCUTS, SHORTCUT_SCOPES } from './shortcuts';

/** Help › Keyboard shortcuts: the SHORTCUTS table, grouped by where each works. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }): ReactNode {
  return (
    <ModalDialog label="Keyboard shortcuts" className="shortcuts" onClose={onClose}>
      <header className="settings__header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted">On macOS, use ⌘ where Ctrl is shown.</p>
      {SHORTCUT_SCOPES.map((scope) => (
        <section key={scope} aria-label={scope}>
          <h3 className="shortcuts__scope">{scope}</h3>
          <table className="settings__table">
            <tbody>
              {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                <tr key={`${s.keys}|${s.action}`}>
                  <th scope="row" className="shortcuts__keys">
                    <kbd>{s.keys}</kbd>
                  </th>
                  <td>{s.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </ModalDialog>
  );
}
