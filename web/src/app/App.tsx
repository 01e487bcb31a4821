import { useLayoutEffect, type ReactNode } from 'react';
import { DataPanes, DataView } from '../features/data/DataView';
import { SqlLab, SqlPanes } from '../features/sql/SqlLab';
import { ModelPanes, ModelView } from './ModelView';
import { ReportPanes, ReportView } from './ReportView';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useUiStore, type ViewId } from './ui-store';
import { ViewNav } from './ViewNav';
import { useWorkbookInfo } from '../workbook';
import { HomePanes, HomeView, WorkbookHousekeeping } from '../features/home';
import { WriteFailureBanner } from '../features/settings';

const MAIN: Record<ViewId, () => ReactNode> = { report: ReportView, data: DataView, model: ModelView, sql: SqlLab, home: HomeView };
const PANES: Record<ViewId, () => ReactNode> = { report: ReportPanes, data: DataPanes, model: ModelPanes, sql: SqlPanes, home: HomePanes };

/** The shell: top bar, view navigation, the current view, its panes, the status bar. */
export function App(): ReactNode {
  const view = useUiStore((state) => state.view);
  const theme = useUiStore((state) => state.theme);

  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const info = useWorkbookInfo();
  const Main = MAIN[view];
  const Panes = PANES[view];
  return (
    <div className="shell">
      <TopBar />
      <WriteFailureBanner />
      <div className="shell__body">
        <ViewNav />
        <main className={`shell__main shell__main--${view}`} aria-label="Main">
          {info.message ? (
            <p className={`shell__banner${info.readOnly ? ' shell__banner--warning' : ''}`} role="alert">
              {info.message}
            </p>
          ) : null}
          <Main />
        </main>
        <aside className="shell__panes" aria-label="Panes">
          <Panes />
        </aside>
      </div>
      <StatusBar />
      <WorkbookHousekeeping />
    </div>
  );
}
