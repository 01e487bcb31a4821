/** The number format a result field is shown with: a share of the total shows as a percentage. */
import { isMeasureRef } from '@tessera/shared';
import type { NumberFormatOptions } from '@tessera/shared';
import type { ResultField } from '@tessera/shared';

export function numberFormatOf(field: ResultField): NumberFormatOptions {
  if (!isMeasureRef(field.ref) && field.ref.showAs === 'percentOfTotal') return { percent: true };
  return {};
}
