/** Pure selection maths of the canvas: click, shift/ctrl-click, and ordering helpers. */

/** The selection after clicking a visual: plain click selects only it, additive click toggles it. */
export function clickSelection(current: readonly string[], id: string, additive: boolean): string[] {
  if (!additive) return current.length === 1 && current[0] === id ? [...current] : [id];
  return current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
}

/** Drops ids that no longer exist (deleted, other page, remote edit). Returns the same array if nothing changed. */
export function pruneSelection(current: string[], existing: ReadonlySet<string>): string[] {
  const kept = current.filter((id) => existing.has(id));
  return kept.length === current.length ? current : kept;
}

/** Moves the item at `fromIndex` to `toIndex` in a list of ids (returns a new array). */
export function moveInList<T>(list: readonly T[], fromIndex: number, toIndex: number): T[] {
  const out = [...list];
  if (fromIndex < 0 || fromIndex >= out.length) return out;
  const [item] = out.splice(fromIndex, 1);
  out.splice(Math.max(0, Math.min(toIndex, out.length)), 0, item);
  return out;
}
