/**
 * PWA state for the UI: a new service worker waiting (→ "Update available — Reload") and an
 * install prompt offered by the browser (→ "Install Tessera"). register-sw.ts fills it.
 */
import { create } from 'zustand';

/** Chromium's `beforeinstallprompt` event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

interface PwaState {
  /** a new version is installed and waiting for the user to reload into it */
  updateAvailable: boolean;
  /** activates the waiting version and reloads once (set by registerServiceWorker) */
  applyUpdate: () => void;
  installPrompt: BeforeInstallPromptEvent | null;
}

export const usePwaStore = create<PwaState>(() => ({
  updateAvailable: false,
  applyUpdate: () => window.location.reload(),
  installPrompt: null,
}));

/** Shows the browser's install dialog; the button disappears whatever the answer (the event is single-use). */
export async function promptInstall(): Promise<void> {
  const prompt = usePwaStore.getState().installPrompt;
  if (!prompt) return;
  usePwaStore.setState({ installPrompt: null });
  await prompt.prompt();
  await prompt.userChoice.catch(() => undefined);
}
