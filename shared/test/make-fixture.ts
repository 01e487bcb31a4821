/**
 * Writes the golden v1 fixture. Run ONCE per schema version and commit the output:
 *   pnpm exec tsx shared/test/make-fixture.ts > shared/test/fixtures/workbook-v1.json
 * Never regenerate an existing version's fixture: it stands for documents users already have.
 */
import * as Y from 'yjs';
import {
  addCalculatedColumn,
  addDataset,
  addHierarchy,
  addMeasure,
  addPage,
  addRelationship,
  addVisual,
  bindField,
  bytesToBase64,
  initWorkbook,
  readWorkbook,
  setPageFilters,
  setVisualFilters,
  setVisualFormat,
  setVisualSort,
  setVisualTopN,
} from '../src/index';

export function buildV1Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 101;
  initWorkbook(doc, { name: 'Golden v1', createdAt: '2026-11-24T09:00:00.000Z', firstPageId: 'page_overview' });
  addDataset(doc, {
    id: 'ds_sales',
    name: 'Sales',
    source: { kind: 'file', fileName: 'sales.xlsx', format: 'xlsx', sheet: 'Orders' },
    columns: [
      { name: 'OrderId', type: 'BIGINT' },
      { name: 'CustomerId', type: 'BIGINT' },
      { name: 'Amount', type: 'DECIMAL(18,2)' },
      { name: 'OrderDate', type: 'DATE' },
    ],
    rowCount: 120000,
    version: 'sha256-1f2e3d',
    refreshedAt: '2026-11-24T09:01:00.000Z',
  });
  addDataset(doc, {
    id: 'ds_customers',
    name: 'Customers',
    source: { kind: 'connector', connectorId: 'postgres-main', stream: 'public.customers' },
    columns: [
      { name: 'CustomerId', type: 'BIGINT' },
      { name: 'Country', type: 'VARCHAR' },
    ],
    rowCount: 800,
    version: 'sha256-aa11bb',
    refreshedAt: '2026-11-24T09:02:00.000Z',
  });
  addDataset(doc, {
    id: 'ds_top',
    name: 'Top customers',
    source: { kind: 'derived', sql: 'SELECT CustomerId, SUM(Amount) AS total FROM ds_sales GROUP BY 1' },
    columns: [
      { name: 'CustomerId', type: 'BIGINT' },
      { name: 'total', type: 'DECIMAL(38,2)' },
    ],
    rowCount: 800,
    version: 'sha256-cc22dd',
    refreshedAt: '2026-11-24T09:03:00.000Z',
  });
  addRelationship(doc, { id: 'rel_sales_customers', from: { datasetId: 'ds_sales', column: 'CustomerId' }, to: { datasetId: 'ds_customers', column: 'CustomerId' } });
  addMeasure(doc, { id: 'ms_total', name: 'Total sales', datasetId: 'ds_sales', expression: 'SUM(Sales[Amount])', format: '#,0.00' });
  addCalculatedColumn(doc, { id: 'cc_year', datasetId: 'ds_sales', name: 'Year', expression: 'YEAR(Sales[OrderDate])' });
  addHierarchy(doc, { id: 'hy_calendar', datasetId: 'ds_sales', name: 'Calendar', levels: ['Year', 'OrderDate'] });
  addPage(doc, { id: 'page_detail', name: 'Detail', size: { width: 1920, height: 1080 } });
  setPageFilters(doc, 'page_overview', [{ id: 'flt_country', kind: 'values', field: { datasetId: 'ds_customers', column: 'Country' }, values: ['FR', 'DE'] }]);

  addVisual(doc, { id: 'vz_bar', pageId: 'page_overview', type: 'bar', x: 20, y: 20, w: 600, h: 320, title: 'Sales by country' });
  bindField(doc, 'vz_bar', 'category', { datasetId: 'ds_customers', column: 'Country' });
  bindField(doc, 'vz_bar', 'values', { measureId: 'ms_total' });
  setVisualFormat(doc, 'vz_bar', 'color', '#1f77b4');
  setVisualFormat(doc, 'vz_bar', 'legend', { show: true, position: 'bottom' });
  setVisualSort(doc, 'vz_bar', { field: { measureId: 'ms_total' }, direction: 'desc' });
  setVisualTopN(doc, 'vz_bar', { n: 10, by: { measureId: 'ms_total' }, direction: 'top' });

  addVisual(doc, { id: 'vz_card', pageId: 'page_overview', type: 'card', x: 640, y: 20, w: 200, h: 120 });
  bindField(doc, 'vz_card', 'values', { datasetId: 'ds_sales', column: 'Amount', aggregate: 'sum' });
  setVisualFilters(doc, 'vz_card', [{ id: 'flt_amount', kind: 'range', field: { datasetId: 'ds_sales', column: 'Amount' }, min: 0, max: 1000 }]);

  addVisual(doc, { id: 'vz_table', pageId: 'page_detail', type: 'table', x: 0, y: 0, w: 1200, h: 700, title: 'Orders' });
  bindField(doc, 'vz_table', 'columns', { datasetId: 'ds_sales', column: 'OrderId' });
  bindField(doc, 'vz_table', 'columns', { datasetId: 'ds_sales', column: 'OrderDate' });
  setVisualFormat(doc, 'vz_table', 'fontSize', 12);
  return doc;
}

const isMain = (import.meta as { main?: boolean }).main ?? /make-fixture\.ts$/.test(String((globalThis as { process?: { argv?: string[] } }).process?.argv?.[1] ?? ''));
if (isMain) {
  const doc = buildV1Doc();
  const fixture = { schemaVersion: 1, update: bytesToBase64(Y.encodeStateAsUpdate(doc)), snapshot: readWorkbook(doc) };
  (globalThis as unknown as { console: { log(text: string): void } }).console.log(JSON.stringify(fixture, null, 2));
}
