export { HelpMenu } from './HelpMenu';
export { ShortcutsDialog } from './ShortcutsDialog';
export { SHORTCUTS, SHORTCUT_SCOPES, isShortcutsKey, type Shortcut, type ShortcutScope } from './shortcuts';
