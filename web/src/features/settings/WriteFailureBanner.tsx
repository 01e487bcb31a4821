import './settings.css';
import { useEffect, type ReactNode } from 'react';
import { onWorkbookWriteFailure } from '../../workbook/open-local-workbook';
import { useSettingsStore } from './settings-store';
import { useWriteFailureStore, writeFailureMessage } from './write-failure-store';

/**
 * Persistent alert shown as soon as the browser refuses to store a workbook change (y-indexeddb
 * write failures, quota). It stays until dismissed; nothing stored before the failure is touched.
 */
export function WriteFailureBanner(): ReactNode {
  const reason = useWriteFailureStore((s) => s.reason);
  const dismiss = useWriteFailureStore((s) => s.dismiss);
  useEffect(() => onWorkbookWriteFailure((error) => useWriteFailureStore.getState().report(error)), []);
  if (!reason) return null;
  return (
    <div className="write-failure" role="alert">
      <span>{writeFailureMessage(reason)}</span>
      <button type="button" className="btn btn--small" onClick={() => useSettingsStore.getState().setOpen(true)}>
        Open storage settings
      </button>
      <button type="button" className="btn btn--small btn--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
