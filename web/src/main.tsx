import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { EngineProvider } from './engine/EngineProvider';
import { FilesHost } from './features/files';
import { ImportHost } from './features/import';
import { SyncBanner, SyncHost } from './features/sync';
import { LaunchHandler, registerServiceWorker } from './pwa';
import { DatasetAttacher, WorkbookProvider } from './workbook';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/grid.css';
import './styles/views.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

registerServiceWorker();

createRoot(container).render(
  <StrictMode>
    <EngineProvider>
      <WorkbookProvider>
        <DatasetAttacher />
        <SyncHost />
        <div className="sync-banners">
          <SyncBanner />
        </div>
        <App />
        <ImportHost />
        <FilesHost />
        <LaunchHandler />
      </WorkbookProvider>
    </EngineProvider>
  </StrictMode>,
);
