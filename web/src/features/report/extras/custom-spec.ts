/** The default Vega-Lite spec of a custom visual, made from its fields' labels (the names the rows carry). */
import type { ResultField } from '@tessera/shared';

/** A bar of the first dimension by the first measure (or a bare bar when the wells are empty). */
export function defaultCustomSpec(fields: readonly ResultField[]): string {
  const dim = fields.find((f) => f.kind === 'dimension');
  const measure = fields.find((f) => f.kind === 'measure');
  const encoding: Record<string, unknown> = {};
  if (dim) encoding.x = { field: dim.label, type: dim.vlType === 'quantitative' ? 'ordinal' : dim.vlType, sort: measure ? '-y' : null };
  if (measure) encoding.y = { field: measure.label, type: 'quantitative' };
  if (dim) encoding.tooltip = [{ field: dim.label }, ...(measure ? [{ field: measure.label, type: 'quantitative' }] : [])];
  return JSON.stringify({ mark: { type: 'bar', tooltip: true }, encoding }, null, 2);
}

/** The spec a custom visual draws: its stored `format.customSpec`, else the default one. */
export function customSpecOf(format: Record<string, unknown>, fields: readonly ResultField[]): string {
  return typeof format.customSpec === 'string' && format.customSpec.trim() !== '' ? format.customSpec : defaultCustomSpec(fields);
}
