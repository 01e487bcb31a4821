/** How relationships read in the Model view: "sales.store_id", "Many to one (*:1)", "Single" … */
import type { Cardinality, ColumnRef, CrossFilter, DatasetEntry } from '@tessera/shared';

export const CARDINALITY_LABELS: Record<Cardinality, string> = {
  'many-to-one': 'Many to one (*:1)',
  'one-to-one': 'One to one (1:1)',
  'one-to-many': 'One to many (1:*)',
  'many-to-many': 'Many to many (*:*)',
};

export const CROSS_FILTER_LABELS: Record<CrossFilter, string> = { single: 'Single', both: 'Both' };

/** "sales.store_id" (the dataset's id when it is gone). */
export function columnLabel(datasets: readonly DatasetEntry[], ref: ColumnRef): string {
  return `${datasets.find((d) => d.id === ref.datasetId)?.name ?? ref.datasetId}.${ref.column}`;
}

/** "sales.store_id → stores.store_id": how buttons and messages name a relationship. */
export function relationshipLabel(datasets: readonly DatasetEntry[], r: { from: ColumnRef; to: ColumnRef }): string {
  return `${columnLabel(datasets, r.from)} → ${columnLabel(datasets, r.to)}`;
}
