/** The number format a result field is shown with: a share of the total shows as a percentage. */
import { isMeasureRef, readNumberFormat } from '@tessera/shared';
import type { NumberFormatOptions } from '@tessera/shared';
import type { ResultField } from '@tessera/shared';

export function numberFormatOf(field: ResultField, visualFormat?: Record<string, unknown>): NumberFormatOptions {
  // the visual's "Number format" (format pane), when given
  const base = visualFormat ? readNumberFormat(visualFormat.numberFormat) : {};
  if (!isMeasureRef(field.ref) && field.ref.showAs === 'percentOfTotal') return { ...base, percent: true };
  return base;
}
