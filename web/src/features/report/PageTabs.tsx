/**
 * Page tabs under the canvas: switch (click), add ("Add page"), rename (double-click → textbox
 * "Page name"), delete (with a confirmation), reorder (drag a tab onto another); right-click a tab
 * for a menu with "Rename page", "Duplicate page" and "Delete page".
 */
import { addPage, duplicatePage, movePage, removePage, renamePage, type Page } from '@tessera/shared';
import { useCallback, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { DND, type PageTabItem } from './dnd';
import { useReportStore } from './report-store';
import { useEdit } from './use-edit';
import { DuplicatePageButton } from './extras';
import { Menu } from './canvas-ops/Menu';

export function nextPageName(pages: readonly Page[]): string {
  const taken = new Set(pages.map((p) => p.name.trim().toLowerCase()));
  for (let n = pages.length + 1; ; n++) if (!taken.has(`page ${n}`)) return `Page ${n}`;
}

function PageTab({ page, index, current, canDelete, onRename, copyName }: { page: Page; index: number; current: boolean; canDelete: boolean; onRename: (id: string) => void; copyName?: string }): ReactNode {
  const edit = useEdit();
  const setPage = useReportStore((s) => s.setPage);
  const [confirming, setConfirming] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [, drag] = useDrag<PageTabItem>(() => ({ type: DND.pageTab, item: { pageId: page.id, index } }), [page.id, index]);
  const [{ over }, drop] = useDrop<PageTabItem, void, { over: boolean }>(
    () => ({
      accept: DND.pageTab,
      drop: (item) => {
        if (item.pageId !== page.id) edit((doc) => movePage(doc, item.pageId, index));
      },
      collect: (monitor) => ({ over: monitor.isOver() && (monitor.getItem() as PageTabItem | null)?.pageId !== page.id }),
    }),
    [page.id, index, edit],
  );

  return (
    <div ref={(el) => void drag(drop(el))} className={`report__tab${over ? ' report__tab--over' : ''}`}>
      <button
        type="button"
        role="tab"
        aria-selected={current}
        className="report__page-tab"
        onClick={() => setPage(page.id)}
        onDoubleClick={() => onRename(page.id)}
        onKeyDown={(e) => {
          if (e.key === 'F2') onRename(page.id);
        }}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY });
        }}
      >
        {page.name}
      </button>
      {menu ? (
        <Menu
          label={`Page ${page.name}`}
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          items={[
            { label: 'Rename page', onSelect: () => onRename(page.id) },
            {
              label: 'Duplicate page',
              onSelect: () => {
                const id = edit((doc) => duplicatePage(doc, page.id, { name: copyName ?? `${page.name} (copy)` }));
                if (id) setPage(id);
              },
            },
            {
              label: 'Delete page',
              disabled: !canDelete,
              onSelect: () => {
                // the confirmation shows on the current tab
                setPage(page.id);
                setConfirming(true);
              },
            },
          ]}
        />
      ) : null}
      {current && copyName ? <DuplicatePageButton page={page} newName={copyName} /> : null}
      {current && canDelete ? (
        confirming ? (
          <span className="report__confirm" role="group" aria-label={`Delete ${page.name}?`}>
            <span>Delete “{page.name}” and its visuals?</span>
            <button type="button" className="danger" onClick={() => edit((doc) => removePage(doc, page.id))}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="report__tab-delete" aria-label={`Delete page ${page.name}`} onClick={() => setConfirming(true)}>
            ×
          </button>
        )
      ) : null}
    </div>
  );
}

function RenameBox({ page, onDone }: { page: Page; onDone: () => void }): ReactNode {
  const edit = useEdit();
  const [name, setName] = useState(page.name);
  const commit = () => {
    if (name.trim() && name.trim() !== page.name) edit((doc) => renamePage(doc, page.id, name));
    onDone();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') onDone();
  };
  return (
    <input
      className="report__rename"
      aria-label="Page name"
      value={name}
      autoFocus
      maxLength={100}
      onChange={(e) => setName(e.target.value)}
      onBlur={commit}
      onKeyDown={onKey}
    />
  );
}

export function PageTabs({ pages, currentId }: { pages: Page[]; currentId: string | undefined }): ReactNode {
  const edit = useEdit();
  const setPage = useReportStore((s) => s.setPage);
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <div className="report__pages">
      <div role="tablist" aria-label="Pages" className="report__tablist">
        {pages.map((page, i) =>
          renaming === page.id ? (
            <RenameBox key={page.id} page={page} onDone={() => setRenaming(null)} />
          ) : (
            <PageTab key={page.id} page={page} index={i} current={page.id === currentId} canDelete={pages.length > 1} onRename={setRenaming} copyName={nextPageName(pages)} />
          ),
        )}
      </div>
      <button
        type="button"
        className="report__add-page"
        aria-label="Add page"
        title="Add page"
        onClick={() => {
          const id = edit((doc) => addPage(doc, { name: nextPageName(pages) }));
          if (id) setPage(id);
        }}
      >
        +
      </button>
    </div>
  );
}
