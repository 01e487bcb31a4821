import * as Y from 'yjs';
import { addDataset, initWorkbook } from '../src/index';

export const FIRST_PAGE = 'p1';

/** A fresh, initialised workbook with a fixed first page id and client id. */
export function makeWorkbook(clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initWorkbook(doc, { name: 'Sales', createdAt: '2026-01-01T00:00:00.000Z', firstPageId: FIRST_PAGE });
  return doc;
}

/** A doc that starts as a copy of `source` (as a peer does after its first sync). */
export function cloneDoc(source: Y.Doc, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Exchanges only what each side lacks (state-vector diffs), both ways. */
export function syncPair(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

export function addSalesDatasets(doc: Y.Doc): { sales: string; customers: string } {
  const sales = addDataset(doc, {
    id: 'ds_sales',
    name: 'Sales',
    source: { kind: 'file', fileName: 'sales.csv', format: 'csv' },
    columns: [
      { name: 'OrderId', type: 'BIGINT' },
      { name: 'CustomerId', type: 'BIGINT' },
      { name: 'Amount', type: 'DECIMAL(18,2)' },
      { name: 'OrderDate', type: 'DATE' },
    ],
    rowCount: 1000,
    version: 'v-sales-1',
    refreshedAt: '2026-01-02T00:00:00.000Z',
  });
  const customers = addDataset(doc, {
    id: 'ds_customers',
    name: 'Customers',
    source: { kind: 'connector', connectorId: 'postgres-main', stream: 'public.customers' },
    columns: [
      { name: 'CustomerId', type: 'BIGINT' },
      { name: 'Country', type: 'VARCHAR' },
    ],
    rowCount: 50,
    version: 'v-cust-1',
    refreshedAt: '2026-01-02T00:00:00.000Z',
  });
  return { sales, customers };
}
