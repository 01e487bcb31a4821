/**
 * The Format pane (right-hand panes, under Visualizations): the selected visual's format options,
 * or, with no visual selected, the page's size and background and the report theme.
 */
import type { ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../../workbook';
import { useReportStore } from '../report-store';
import { useCurrentPage } from '../use-current-page';
import { PageFormatPanel } from './PageFormatPanel';
import { VisualFormatPanel } from './VisualFormatPanel';
import './format.css';

export function FormatPane(): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const selection = useReportStore((s) => s.selection);
  const page = useCurrentPage();
  const visual = selection.length === 1 ? snapshot.visuals[selection[0]] : undefined;
  return (
    <section className="pane report-pane fmt" role="complementary" aria-labelledby="pane-format">
      <h2 id="pane-format" className="pane__title">
        Format
      </h2>
      <p className="fmt__subject muted">{visual ? 'Visual' : selection.length > 1 ? `${selection.length} visuals selected: select one to format it. Page:` : 'Page and report'}</p>
      {visual ? <VisualFormatPanel key={visual.id} visual={visual} /> : <PageFormatPanel page={page} />}
    </section>
  );
}
