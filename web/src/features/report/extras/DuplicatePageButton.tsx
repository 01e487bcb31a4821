/** "Duplicate page" beside the current page tab: copies the page with its filters and visuals (one undo step). */
import { duplicatePage, type Page } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useReportStore } from '../report-store';
import { useEdit } from '../use-edit';

export function DuplicatePageButton({ page, newName }: { page: Page; newName: string }): ReactNode {
  const edit = useEdit();
  const duplicate = () => {
    const id = edit((doc) => duplicatePage(doc, page.id, { name: newName }));
    if (id) useReportStore.getState().setPage(id);
  };
  return (
    <button type="button" className="report__tab-duplicate" aria-label={`Duplicate page ${page.name}`} title="Duplicate page" onClick={duplicate}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" fill="none" stroke="currentColor">
        <rect x="0.5" y="3.5" width="8" height="8" />
        <path d="M3.5 3.5v-3h8v8h-3" />
      </svg>
    </button>
  );
}
