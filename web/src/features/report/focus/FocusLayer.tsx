/**
 * Wraps the canvas: shows the focused visual instead of it (focus mode), and hosts the "Show data"
 * dialog of any visual of the page. Leaving the page or deleting the visual ends focus mode.
 */
import { visualsOnPage, type Page, type WorkbookSnapshot } from '@tessera/shared';
import { useEffect, useMemo, type ReactNode } from 'react';
import { visualHeading, visualLabels } from '../visual-labels';
import { useFocusStore } from './focus-store';
import { FocusView } from './FocusView';
import { ShowDataDialog } from './ShowDataDialog';
import './focus.css';

export function FocusLayer({ page, snapshot, children }: { page: Page; snapshot: WorkbookSnapshot; children: ReactNode }): ReactNode {
  const focusedId = useFocusStore((s) => s.focusedId);
  const dataOfId = useFocusStore((s) => s.dataOfId);
  const labels = useMemo(() => visualLabels(visualsOnPage(snapshot, page.id)), [snapshot, page.id]);
  const focused = focusedId ? snapshot.visuals[focusedId] : undefined;
  const onPage = focused && focused.pageId === page.id ? focused : undefined;
  const dataOf = dataOfId ? snapshot.visuals[dataOfId] : undefined;

  useEffect(() => {
    if (focusedId && !onPage) useFocusStore.getState().leave();
  }, [focusedId, onPage]);
  useEffect(() => {
    if (dataOfId && !dataOf) useFocusStore.getState().closeData();
  }, [dataOfId, dataOf]);

  const titleOf = (id: string, heading: string) => heading || labels.get(id) || id;
  return (
    <>
      {onPage ? <FocusView visual={onPage} snapshot={snapshot} label={labels.get(onPage.id) ?? onPage.id} heading={visualHeading(onPage, snapshot)} /> : children}
      {dataOf ? <ShowDataDialog key={dataOf.id} visual={dataOf} title={titleOf(dataOf.id, visualHeading(dataOf, snapshot))} onClose={() => useFocusStore.getState().closeData()} /> : null}
    </>
  );
}
