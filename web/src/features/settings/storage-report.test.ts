import { describe, expect, it } from 'vitest';
import { formatBytes, snapshotDeleteWarning, workbookDeleteWarning, snapshotRows, usageRatio, type DatasetUse } from './storage-report';

const use = (workbookId: string, datasetId: string, version: string, datasetName = 'Sales', workbookName = workbookId): DatasetUse => ({
  workbookId,
  workbookName,
  datasetId,
  datasetName,
  version,
});

describe('snapshotRows', () => {
  it('names each snapshot from the workbooks and marks the unused ones', () => {
    const rows = snapshotRows(
      [
        { id: 'ds_a', version: 'v2', bytes: 10 },
        { id: 'ds_a', version: 'v1', bytes: 8 },
        { id: 'ds_orphan', version: 'x', bytes: 3 },
      ],
      [use('wb_open', 'ds_a', 'v2', 'Sales here'), use('wb_other', 'ds_a', 'v1', 'Sales there')],
      'wb_open',
    );
    const byKey = new Map(rows.map((r) => [`${r.id}@${r.version}`, r]));
    expect(byKey.get('ds_a@v2')?.name).toBe('Sales here');
    expect(byKey.get('ds_a@v2')?.openUses).toHaveLength(1);
    expect(byKey.get('ds_a@v1')?.name).toBe('Sales here');
    expect(byKey.get('ds_a@v1')?.usedBy.map((u) => u.workbookId)).toEqual(['wb_other']);
    expect(byKey.get('ds_a@v1')?.openUses).toEqual([]);
    expect(byKey.get('ds_orphan@x')?.name).toBeUndefined();
    expect(byKey.get('ds_orphan@x')?.usedBy).toEqual([]);
  });
});

describe('snapshotDeleteWarning', () => {
  it('says what stops working in the open workbook and in others', () => {
    const [row] = snapshotRows([{ id: 'ds', version: 'v', bytes: 1 }], [use('wb_open', 'ds', 'v', 'Sales'), use('wb_2', 'ds', 'v', 'Sales', 'Budget')], 'wb_open');
    const text = snapshotDeleteWarning(row, true);
    expect(text).toContain('“Sales”');
    expect(text).toContain('stop working');
    expect(text).toContain('not saved to a file');
    expect(text).toContain('“Budget”');
  });
  it('is empty for an unused snapshot', () => {
    const [row] = snapshotRows([{ id: 'ds', version: 'v', bytes: 1 }], [], 'wb_open');
    expect(snapshotDeleteWarning(row, true)).toBe('');
  });
});

describe('formatBytes / usageRatio', () => {
  it('formats decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(123_456_789)).toBe('123 MB');
    expect(formatBytes(2_000_000_000)).toBe('2.0 GB');
  });
  it('clamps the ratio and handles a missing quota', () => {
    expect(usageRatio(5, 10)).toBe(0.5);
    expect(usageRatio(5, 0)).toBe(0);
    expect(usageRatio(50, 10)).toBe(1);
  });
});

describe('workbookDeleteWarning', () => {
  it('warns about edits that never reached the server for a shared workbook', () => {
    expect(workbookDeleteWarning({ dirtyToFile: true, shared: true, unsyncedEdits: 3 })).toMatch(/3 edits that never reached the server/);
    expect(workbookDeleteWarning({ dirtyToFile: false, shared: true, unsyncedEdits: 1 })).toMatch(/1 edit that never reached/);
  });
  it('warns about changes not saved to a file for a local-only workbook', () => {
    expect(workbookDeleteWarning({ dirtyToFile: true, shared: false, unsyncedEdits: 0 })).toMatch(/never saved to a file/);
  });
  it('says nothing is lost when the work is synced or saved', () => {
    const text = workbookDeleteWarning({ dirtyToFile: false, shared: true, unsyncedEdits: 0 });
    expect(text).not.toMatch(/lost for good/);
    expect(workbookDeleteWarning({ dirtyToFile: false, shared: false, unsyncedEdits: 0 })).toBe(text);
  });
});
