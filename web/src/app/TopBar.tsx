import { useEffect, useState, type ReactNode } from 'react';
import { renameWorkbook } from '@tessera/shared';
import { FileMenu } from '../features/files';
import { HelpMenu } from '../features/help';
import { ImportButton } from '../features/import';
import { SettingsButton } from '../features/settings';
import { PwaButtons } from '../pwa';
import { AccountArea, isReadOnly, READ_ONLY_REASON, useReadOnly } from '../features/sync';
import { useWorkbookDoc } from '../workbook';
import { useUiStore } from './ui-store';
import { useWorkbookName } from './workbook-selectors';

/** Product name, the workbook's editable name, Import, and the theme switch. */
export function TopBar(): ReactNode {
  const theme = useUiStore((state) => state.theme);
  const toggleTheme = useUiStore((state) => state.toggleTheme);
  return (
    <header className="topbar">
      <span className="topbar__brand" aria-label="Tessera">
        <svg className="topbar__logo" viewBox="0 0 20 20" aria-hidden="true">
          <rect x="1" y="1" width="8" height="8" rx="1.5" />
          <rect x="11" y="1" width="8" height="8" rx="1.5" opacity="0.7" />
          <rect x="1" y="11" width="8" height="8" rx="1.5" opacity="0.7" />
          <rect x="11" y="11" width="8" height="8" rx="1.5" opacity="0.45" />
        </svg>
        Tessera
      </span>
      <span className="topbar__divider" aria-hidden="true" />
      <WorkbookNameField />
      <span className="topbar__spacer" />
      <AccountArea />
      <PwaButtons />
      <FileMenu />
      <ImportButton />
      <SettingsButton />
      <HelpMenu />
      <button
        type="button"
        className="topbar__icon-button"
        onClick={toggleTheme}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      >
        {theme === 'dark' ? (
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="10" cy="10" r="4" />
            <path d="M10 1v3M10 16v3M1 10h3M16 10h3M3.6 3.6l2.1 2.1M14.3 14.3l2.1 2.1M3.6 16.4l2.1-2.1M14.3 5.7l2.1-2.1" strokeWidth="1.6" stroke="currentColor" />
          </svg>
        ) : (
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path d="M15.5 12.6A7 7 0 0 1 7.4 4.5a7 7 0 1 0 8.1 8.1z" />
          </svg>
        )}
      </button>
    </header>
  );
}

/**
 * The workbook's name: edits commit on Enter or blur through `renameWorkbook`; Escape reverts.
 * Read-only, with the reason as its tooltip, for a viewer of a shared workbook.
 */
function WorkbookNameField(): ReactNode {
  const doc = useWorkbookDoc();
  const name = useWorkbookName();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(name), [name]);

  const commit = (): void => {
    const next = draft.trim();
    if (next === name || isReadOnly()) {
      setDraft(name);
      return;
    }
    if (next === '') {
      setDraft(name);
      setError('A workbook needs a name; the previous name was kept.');
      return;
    }
    try {
      renameWorkbook(doc, next);
      setError(null);
    } catch (caught) {
      setDraft(name);
      setError((caught instanceof Error ? caught.message : String(caught)).replace(/^[a-zA-Z]+: /, ''));
    }
  };

  return (
    <span className="topbar__name">
      <input
        className="topbar__name-input"
        aria-label="Workbook name"
        value={draft}
        readOnly={readOnly}
        title={readOnly ? READ_ONLY_REASON : undefined}
        spellCheck={false}
        maxLength={200}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') {
            setDraft(name);
            event.currentTarget.blur();
          }
        }}
      />
      {error ? (
        <span className="topbar__name-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
