/**
 * Which stored dataset snapshots a deleted workbook may take with it: duplicated workbooks share
 * snapshots (same dataset id + version), so a snapshot still referenced by another workbook stays.
 */
export interface SnapshotRef {
  id: string;
  version: string;
}

/**
 * What to delete from the dataset store: `{ id }` alone = every stored version of a dataset no other
 * workbook knows (older versions included); `{ id, version }` = one version of a dataset another
 * workbook still uses at a different version.
 */
export function snapshotsToDelete(deleted: readonly SnapshotRef[], others: readonly (readonly SnapshotRef[])[]): { id: string; version?: string }[] {
  const all = others.flat();
  const keptIds = new Set(all.map((r) => r.id));
  const keptVersions = new Set(all.map((r) => `${r.id}\u0000${r.version}`));
  const out: { id: string; version?: string }[] = [];
  const seen = new Set<string>();
  for (const r of deleted) {
    const key = keptIds.has(r.id) ? `${r.id}\u0000${r.version}` : r.id;
    if (seen.has(key) || keptVersions.has(`${r.id}\u0000${r.version}`)) continue;
    seen.add(key);
    out.push(keptIds.has(r.id) ? { id: r.id, version: r.version } : { id: r.id });
  }
  return out;
}
