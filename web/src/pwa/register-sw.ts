/**
 * Registers the service worker (dist/web/sw.js, written by vite-plugin-pwa) with workbox-window.
 * A new version never takes over by itself: it waits until the user clicks "Update available —
 * Reload", which sends SKIP_WAITING and reloads once when the new worker controls the page.
 * Also collects `beforeinstallprompt` for the "Install Tessera" button.
 */
import { Workbox } from 'workbox-window';
import { usePwaStore, type BeforeInstallPromptEvent } from './pwa-store';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

let started = false;

export function registerServiceWorker(): void {
  if (started) return;
  started = true;
  listenForInstallPrompt();
  // Only the production build has a service worker (dev serves modules from Vite).
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;

  const wb = new Workbox('/sw.js', { scope: '/' });
  let reloading = false;
  const reloadOnce = (): void => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };

  wb.addEventListener('waiting', () => {
    usePwaStore.setState({
      updateAvailable: true,
      applyUpdate: () => {
        // Reload only once the new worker controls this page: never half old, half new.
        wb.addEventListener('controlling', reloadOnce);
        wb.messageSkipWaiting();
      },
    });
  });
  // Another tab applied an update: this page still runs the old code, offer the reload here too.
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate && !reloading) usePwaStore.setState({ updateAvailable: true, applyUpdate: reloadOnce });
  });

  wb.register().then(
    (registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    (error: unknown) => console.warn('Tessera: the service worker could not be registered; the app will not work offline.', error),
  );
}

function listenForInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    usePwaStore.setState({ installPrompt: event as BeforeInstallPromptEvent });
  });
  window.addEventListener('appinstalled', () => usePwaStore.setState({ installPrompt: null }));
}
