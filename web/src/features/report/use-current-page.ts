/** The page shown in the report view: the one chosen in the report store, else the first page. */
import { type Page } from '@tessera/shared';
import { useWorkbookSnapshot } from '../../workbook';
import { useReportStore } from './report-store';

export function useCurrentPage(): Page | undefined {
  const snapshot = useWorkbookSnapshot();
  const pageId = useReportStore((s) => s.pageId);
  return (pageId ? snapshot.pages[pageId] : undefined) ?? snapshot.pages[snapshot.pageOrder[0] ?? ''];
}
