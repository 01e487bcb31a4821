import './settings.css';
import { ModalDialog } from '../../ui/ModalDialog';
import type { ReactNode } from 'react';
import { useUiStore, type Theme } from '../../app/ui-store';
import { useSettingsStore } from './settings-store';
import { StorageSection } from './StorageSection';

const THEMES: { id: Theme; label: string }[] = [
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

/** The Settings dialog: appearance and storage health. */
export function SettingsDialog(): ReactNode {
  const setOpen = useSettingsStore((s) => s.setOpen);
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);


  const close = (): void => setOpen(false);
  return (
    <ModalDialog label="Settings" className="settings" onClose={close}>
      <header className="settings__header">
        <h2>Settings</h2>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </header>
      <section className="settings__section" aria-labelledby="settings-appearance">
        <h3 id="settings-appearance">Appearance</h3>
        <fieldset className="settings__themes">
          <legend>Theme</legend>
          {THEMES.map((t) => (
            <label key={t.id}>
              <input type="radio" name="tessera-theme" value={t.id} checked={theme === t.id} onChange={() => setTheme(t.id)} /> {t.label}
            </label>
          ))}
        </fieldset>
      </section>
      <StorageSection />
    </ModalDialog>
  );
}

/** Top-bar button that opens Settings (the dialog is mounted only while open). */
export function SettingsButton(): ReactNode {
  const open = useSettingsStore((s) => s.open);
  const setOpen = useSettingsStore((s) => s.setOpen);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Settings
      </button>
      {open ? <SettingsDialog /> : null}
    </>
  );
}
