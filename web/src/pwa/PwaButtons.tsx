import type { ReactNode } from 'react';
import { promptInstall, usePwaStore } from './pwa-store';

/** "Install Tessera" (when the browser offers it) and "Update available — Reload" (when a new version waits). */
export function PwaButtons(): ReactNode {
  const installable = usePwaStore((state) => state.installPrompt !== null);
  const updateAvailable = usePwaStore((state) => state.updateAvailable);
  const applyUpdate = usePwaStore((state) => state.applyUpdate);
  return (
    <>
      {updateAvailable ? (
        <button type="button" className="btn btn--primary" onClick={applyUpdate} title="A new version of Tessera is ready: reload to use it">
          Update available — Reload
        </button>
      ) : null}
      {installable ? (
        <button type="button" className="btn" onClick={() => void promptInstall()} title="Install Tessera as an app on this device">
          Install Tessera
        </button>
      ) : null}
    </>
  );
}
