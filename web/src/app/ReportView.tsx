import { useState, type ReactNode } from 'react';
import { useDatasets } from '../workbook';
import { usePages } from './workbook-selectors';

/**
 * The report canvas. Visuals are not built yet (they come with the report designer); this view shows
 * the workbook's real pages and an empty canvas, and says what to do next.
 */
export function ReportView(): ReactNode {
  const pages = usePages();
  const datasets = useDatasets();
  const [pageId, setPageId] = useState<string | undefined>(undefined);
  const current = pages.find((page) => page.id === pageId) ?? pages[0];

  return (
    <section className="report" aria-label="Report">
      <div className="report__backdrop">
        <div className="report__canvas" aria-label={`Canvas of page ${current?.name ?? ''}`.trim()} role="region">
          <div className="report__empty">
            <svg viewBox="0 0 48 48" aria-hidden="true" className="report__empty-icon">
              <rect x="6" y="26" width="8" height="16" rx="1" />
              <rect x="20" y="14" width="8" height="28" rx="1" />
              <rect x="34" y="6" width="8" height="36" rx="1" />
            </svg>
            <p className="report__empty-title">Import data, then build visuals here</p>
            <p className="muted">
              {datasets.length === 0
                ? 'This workbook has no data yet. Use “Import data” in the top bar, or drop a CSV, JSON, Parquet or Excel file anywhere.'
                : datasets.length === 1
                  ? 'One dataset is ready: explore it in the Data view or query it in SQL Lab.'
                  : `${datasets.length} datasets are ready: explore them in the Data view or query them in SQL Lab.`}
            </p>
          </div>
        </div>
      </div>
      <div className="report__pages" role="tablist" aria-label="Pages">
        {pages.map((page) => (
          <button
            key={page.id}
            type="button"
            role="tab"
            aria-selected={page.id === current?.id}
            className="report__page-tab"
            onClick={() => setPageId(page.id)}
          >
            {page.name}
          </button>
        ))}
        {pages.length === 0 ? <span className="muted report__no-pages">No pages</span> : null}
      </div>
    </section>
  );
}

/** The report's right-hand panes, not built yet: they say so rather than pretend. */
export function ReportPanes(): ReactNode {
  return (
    <>
      <section className="pane" aria-labelledby="pane-fields">
        <h2 id="pane-fields" className="pane__title">
          Fields
        </h2>
        <p className="pane__placeholder">Not built yet. This pane will list the columns and measures of your datasets, to drag onto visuals.</p>
      </section>
      <section className="pane" aria-labelledby="pane-visualizations">
        <h2 id="pane-visualizations" className="pane__title">
          Visualizations
        </h2>
        <p className="pane__placeholder">Not built yet. This pane will hold the visual types and the field wells of the selected visual.</p>
      </section>
      <section className="pane" aria-labelledby="pane-format">
        <h2 id="pane-format" className="pane__title">
          Format
        </h2>
        <p className="pane__placeholder">Not built yet. This pane will hold the formatting options of the selected visual.</p>
      </section>
    </>
  );
}
