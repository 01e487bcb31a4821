import type { ReactNode } from 'react';
import { ReportDesigner, ReportDesignerPanes } from '../features/report/ReportDesigner';

/** The Report view: the report designer (canvas, page tabs) — see features/report. */
export function ReportView(): ReactNode {
  return <ReportDesigner />;
}

/** The report's right-hand panes: Fields and Visualizations. */
export function ReportPanes(): ReactNode {
  return <ReportDesignerPanes />;
}
