export { SettingsButton, SettingsDialog } from './SettingsDialog';
export { WriteFailureBanner } from './WriteFailureBanner';
export { useSettingsStore } from './settings-store';
export { useWriteFailureStore, writeFailureMessage, writeFailureReason } from './write-failure-store';
export { formatBytes } from './storage-report';
