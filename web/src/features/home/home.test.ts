import { describe, expect, it } from 'vitest';
import { lastModifiedText, nextUntitledName } from './home-text';
import { snapshotsToDelete } from './snapshot-refs';
import { REGISTRY_KEY, WorkbookRegistry } from './workbook-registry';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('WorkbookRegistry', () => {
  it('adds, updates, orders by last modified, marks deletions and persists', () => {
    const storage = memoryStorage();
    const registry = new WorkbookRegistry(storage);
    let changes = 0;
    registry.subscribe(() => changes++);
    registry.upsert({ id: 'a', name: 'Sales', updatedAt: 100 });
    registry.upsert({ id: 'b', name: 'Costs', updatedAt: 200 });
    expect(registry.getAll().map((e) => e.id)).toEqual(['b', 'a']);
    registry.upsert({ id: 'a', updatedAt: 300, datasetCount: 2 });
    expect(registry.getAll()[0]).toEqual({ id: 'a', name: 'Sales', updatedAt: 300, datasetCount: 2 });
    registry.upsert({ id: 'b', deletedAt: 1000 });
    expect(registry.get('b')?.deletedAt).toBe(1000);
    registry.upsert({ id: 'b', deletedAt: undefined });
    expect(registry.get('b')).not.toHaveProperty('deletedAt');
    const before = changes;
    registry.upsert({ id: 'b' }); // nothing changes
    expect(changes).toBe(before);
    registry.remove('b');
    expect(new WorkbookRegistry(storage).getAll()).toEqual([{ id: 'a', name: 'Sales', updatedAt: 300, datasetCount: 2 }]);
  });

  it('survives a damaged list', () => {
    const storage = memoryStorage();
    storage.setItem(REGISTRY_KEY, '{not json');
    expect(new WorkbookRegistry(storage).getAll()).toEqual([]);
    storage.setItem(REGISTRY_KEY, JSON.stringify([{ id: 'x', name: 'ok', updatedAt: 1 }, { id: 3 }, null]));
    expect(new WorkbookRegistry(storage).getAll().map((e) => e.id)).toEqual(['x']);
  });
});

describe('snapshotsToDelete', () => {
  it('keeps snapshots another workbook references, deletes whole datasets nobody else knows', () => {
    const deleted = [
      { id: 'ds_shared', version: 'v1' },
      { id: 'ds_mine', version: 'v3' },
      { id: 'ds_moved', version: 'v2' },
    ];
    const others = [[{ id: 'ds_shared', version: 'v1' }], [{ id: 'ds_moved', version: 'v1' }]];
    expect(snapshotsToDelete(deleted, others)).toEqual([{ id: 'ds_mine' }, { id: 'ds_moved', version: 'v2' }]);
    expect(snapshotsToDelete(deleted, [])).toEqual([{ id: 'ds_shared' }, { id: 'ds_mine' }, { id: 'ds_moved' }]);
  });
});

describe('home texts', () => {
  it('says when a workbook was last modified', () => {
    const now = Date.UTC(2026, 0, 10, 12);
    expect(lastModifiedText(now - 10_000, now)).toBe('just now');
    expect(lastModifiedText(now - 5 * 60_000, now)).toMatch(/5 minutes ago/);
    expect(lastModifiedText(now - 3 * 3_600_000, now)).toMatch(/3 hours ago/);
    expect(lastModifiedText(0, now)).toBe('unknown');
  });
  it('finds a free untitled name', () => {
    expect(nextUntitledName([], 'Untitled workbook')).toBe('Untitled workbook');
    expect(nextUntitledName(['untitled workbook', 'Untitled workbook 2'], 'Untitled workbook')).toBe('Untitled workbook 3');
  });
});
