/** Narrow reads of the workbook snapshot for the shell. */
import { useMemo } from 'react';
import type { Page } from '@tessera/shared';
import { useWorkbookSnapshot } from '../workbook';

export function useWorkbookName(): string {
  return useWorkbookSnapshot().meta.name;
}

/** Pages in display order. */
export function usePages(): Page[] {
  const snapshot = useWorkbookSnapshot();
  return useMemo(() => snapshot.pageOrder.map((id) => snapshot.pages[id]).filter((page): page is Page => page !== undefined), [snapshot]);
}
