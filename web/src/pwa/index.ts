export { registerServiceWorker } from './register-sw';
export { PwaButtons } from './PwaButtons';
export { LaunchHandler } from './LaunchHandler';
export { usePwaStore, promptInstall } from './pwa-store';
