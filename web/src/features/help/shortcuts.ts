/**
 * Every keyboard shortcut of Tessera, in one table: the Help › Keyboard shortcuts dialog lists it,
 * and the handlers (ViewNav, FilesHost, use-report-keys, Measures, MeasureEditor, SqlEditor, PageTabs, VisualContainer,
 * ChartView, the help keys) implement it. Add a row here when you add a handler.
 */
export type ShortcutScope = 'Everywhere' | 'Report' | 'Model' | 'SQL Lab' | 'Dialogs and menus';

export interface Shortcut {
  /** as shown, with Ctrl (⌘ on macOS) */
  keys: string;
  action: string;
  scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+1', action: 'Go to the Report view', scope: 'Everywhere' },
  { keys: 'Ctrl+2', action: 'Go to the Data view', scope: 'Everywhere' },
  { keys: 'Ctrl+3', action: 'Go to the Model view', scope: 'Everywhere' },
  { keys: 'Ctrl+4', action: 'Go to SQL Lab', scope: 'Everywhere' },
  { keys: 'Ctrl+5', action: 'Go to Home (the workbooks of this device)', scope: 'Everywhere' },
  { keys: 'Ctrl+S', action: 'Save the workbook to a file', scope: 'Everywhere' },
  { keys: 'Ctrl+Shift+S', action: 'Save the workbook as a new file', scope: 'Everywhere' },
  { keys: 'Ctrl+O', action: 'Open a workbook file', scope: 'Everywhere' },
  { keys: '? or Ctrl+/', action: 'Show these keyboard shortcuts', scope: 'Everywhere' },
  { keys: 'Ctrl+Z', action: 'Undo', scope: 'Report' },
  { keys: 'Ctrl+Y or Ctrl+Shift+Z', action: 'Redo', scope: 'Report' },
  { keys: 'Ctrl+C', action: 'Copy the selected visuals', scope: 'Report' },
  { keys: 'Ctrl+V', action: 'Paste the copied visuals', scope: 'Report' },
  { keys: 'Ctrl+D', action: 'Duplicate the selected visuals', scope: 'Report' },
  { keys: 'Delete or Backspace', action: 'Delete the selected visuals', scope: 'Report' },
  { keys: 'Arrow keys', action: 'Nudge the selected visuals by 1 px', scope: 'Report' },
  { keys: 'Shift+Arrow keys', action: 'Nudge the selected visuals by one grid step', scope: 'Report' },
  { keys: 'Escape', action: 'Clear the selection', scope: 'Report' },
  { keys: 'Enter or Space', action: 'Select the focused visual', scope: 'Report' },
  { keys: 'Shift+click or Ctrl+click', action: 'Add a visual to the selection', scope: 'Report' },
  { keys: 'Ctrl+click', action: 'Add a data point to the cross-filter', scope: 'Report' },
  { keys: 'F2', action: 'Rename the focused page tab', scope: 'Report' },
  { keys: 'Ctrl+Z', action: 'Undo a measure edit', scope: 'Model' },
  { keys: 'Ctrl+Y or Ctrl+Shift+Z', action: 'Redo a measure edit', scope: 'Model' },
  { keys: 'Ctrl+Enter', action: 'Save the measure being edited', scope: 'Model' },
  { keys: 'Ctrl+Enter', action: 'Run the query', scope: 'SQL Lab' },
  { keys: 'Escape', action: 'Close the dialog or menu', scope: 'Dialogs and menus' },
  { keys: 'Enter', action: 'Confirm a name or value being edited', scope: 'Dialogs and menus' },
];

export const SHORTCUT_SCOPES: readonly ShortcutScope[] = ['Everywhere', 'Report', 'Model', 'SQL Lab', 'Dialogs and menus'];

/** Whether a keydown opens the shortcuts dialog: "?" outside text fields, or Ctrl+/ anywhere. */
export function isShortcutsKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, inTextField: boolean): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === '/') return true;
  return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !inTextField;
}
