/**
 * Pure pieces of the Settings › Storage report: which stored dataset snapshots each workbook uses,
 * sizes in words, and the warnings shown before something is deleted.
 */
import type { StoredSnapshot } from '../../engine/storage/dataset-store';

/** A dataset as one workbook knows it. */
export interface DatasetUse {
  workbookId: string;
  workbookName: string;
  datasetId: string;
  datasetName: string;
  version: string;
}

export interface SnapshotRow extends StoredSnapshot {
  /** the dataset's name in the first workbook that knows the dataset id (any version) */
  name?: string;
  /** workbooks that reference this exact id + version */
  usedBy: DatasetUse[];
  /** references of the open workbook to this exact id + version */
  openUses: DatasetUse[];
}

/** Joins the stored snapshots with the workbooks' references (the open workbook's name wins). */
export function snapshotRows(snapshots: readonly StoredSnapshot[], uses: readonly DatasetUse[], openWorkbookId: string): SnapshotRow[] {
  return snapshots
    .map((snap) => {
      const sameId = uses.filter((u) => u.datasetId === snap.id);
      const usedBy = sameId.filter((u) => u.version === snap.version);
      const named = sameId.find((u) => u.workbookId === openWorkbookId) ?? sameId[0];
      return { ...snap, name: named?.datasetName, usedBy, openUses: usedBy.filter((u) => u.workbookId === openWorkbookId) };
    })
    .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.version.localeCompare(b.version));
}

/** 1234567 → "1.2 MB" (decimal units, as browsers report quota). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** What deleting one snapshot breaks, in words; empty when nothing references it. */
export function snapshotDeleteWarning(row: SnapshotRow, openDirtyToFile: boolean): string {
  const parts: string[] = [];
  if (row.openUses.length > 0) {
    const names = [...new Set(row.openUses.map((u) => `“${u.datasetName}”`))].join(', ');
    parts.push(
      `The open workbook uses this snapshot as its dataset ${names}: its visuals, tables and SQL queries on it will stop working until you import the data again.`,
    );
    if (openDirtyToFile) parts.push('The workbook has changes not saved to a file, so no copy of this data may exist elsewhere: save it first (Ctrl+S).');
  }
  const others = [...new Set(row.usedBy.filter((u) => !row.openUses.includes(u)).map((u) => `“${u.workbookName}”`))];
  if (others.length > 0) parts.push(`Also used by ${others.join(', ')}, which will lose this data too.`);
  return parts.join(' ');
}

/** Share of the quota in use, 0..1 (0 when the browser reports no quota). */
export function usageRatio(usage: number, quota: number): number {
  return quota > 0 ? Math.min(1, Math.max(0, usage / quota)) : 0;
}

/** What deleting a whole workbook from this device loses, in words: work saved nowhere else. */
export function workbookDeleteWarning(state: { dirtyToFile: boolean; shared: boolean; unsyncedEdits: number }): string {
  const parts: string[] = [];
  if (state.shared && state.unsyncedEdits > 0) {
    const edits = state.unsyncedEdits === 1 ? '1 edit' : `${state.unsyncedEdits} edits`;
    parts.push(`It has ${edits} that never reached the server: they will be lost for good. Open it while online and let it sync first.`);
  }
  if (state.dirtyToFile && !state.shared) {
    parts.push('It has changes that were never saved to a file: they will be lost for good. Open it and save it to a file (Ctrl+S) first if you need them.');
  }
  return parts.join(' ') || 'Its dataset snapshots that no other workbook uses are deleted with it.';
}
