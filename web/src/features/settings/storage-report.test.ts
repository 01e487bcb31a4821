import { describe, expect, it } from 'vitest';
import { formatBytes, snapshotDeleteWarning, snapshotRows, usageRatio, type DatasetUse } from './storage-report';

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
