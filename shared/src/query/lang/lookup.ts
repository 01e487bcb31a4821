/**
 * Names in expressions: exact match first, then case-insensitive (as DAX), and a "Did you mean …?" for a name that
 * is close to a known one. Shared by the measure and calculated-column compilers.
 */
import type { DatasetEntry } from '../../workbook/schema';
import type { ModelContext } from '../model';
import { ExpressionError } from './tokens';

export function findByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  return items.find((i) => nameOf(i) === name) ?? items.find((i) => nameOf(i).toLowerCase() === name.toLowerCase());
}

/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length];
}

/** Whether `short` is `long` with letters left out, starting alike ("qty" of "quantity"). */
const abbreviates = (short: string, long: string): boolean => {
  if (short[0] !== long[0]) return false;
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
};

/**
 * " Did you mean [quantity]?" when one candidate is close to `name` (a prefix, an abbreviation, or a few edits away), else ''.
 * `show` writes the candidate as the language spells it.
 */
export function didYouMean(name: string, candidates: readonly string[], show: (candidate: string) => string): string {
  const key = name.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const score = c.startsWith(key) || key.startsWith(c) ? 0.5 : abbreviates(key, c) ? 1 : distance(key, c);
    if (score <= Math.max(1, Math.floor(Math.max(key.length, c.length) / 3)) && (!best || score < best.score)) best = { candidate, score };
  }
  return best ? ` Did you mean ${show(best.candidate)}?` : '';
}

/** The dataset an expression names: by its name (exact, then ignoring case), or its id. */
export const datasetNamed = (ctx: ModelContext, name: string): DatasetEntry | undefined => findByName([...ctx.datasets.values()], name, (d) => d.name) ?? ctx.datasets.get(name);

/** The dataset an expression names; an error at `pos` naming the tables when there is none. */
export function findDataset(ctx: ModelContext, name: string, pos: number, len: number): DatasetEntry {
  const hit = datasetNamed(ctx, name);
  if (!hit) {
    const names = [...ctx.datasets.values()].map((d) => d.name);
    const hint = didYouMean(name, names, (n) => n);
    throw new ExpressionError(`Unknown table "${name}" at position ${pos}.${hint || ` Tables: ${names.join(', ') || 'none'}.`}`, pos, len);
  }
  return hit;
}
