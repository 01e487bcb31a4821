import * as Y from 'yjs';

/**
 * Names and accessors of the top-level types of a workbook Y.Doc (DESIGN §2).
 * `model` holds four nested Y.Maps created once by `initWorkbook`.
 */
export const TOP = {
  meta: 'meta',
  datasets: 'datasets',
  model: 'model',
  pageOrder: 'pageOrder',
  pages: 'pages',
  visuals: 'visuals',
} as const;

export const MODEL_PARTS = ['relationships', 'measures', 'columns', 'hierarchies'] as const;
export type ModelPart = (typeof MODEL_PARTS)[number];

export type YRecord = Y.Map<unknown>;

export const metaMap = (doc: Y.Doc): YRecord => doc.getMap(TOP.meta);
export const datasetsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap(TOP.datasets);
export const modelMap = (doc: Y.Doc): Y.Map<Y.Map<YRecord>> => doc.getMap(TOP.model);
export const pageOrderArray = (doc: Y.Doc): Y.Array<string> => doc.getArray(TOP.pageOrder);
export const pagesMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap(TOP.pages);
export const visualsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap(TOP.visuals);

/** Every top-level type, for observers and the undo manager. */
export function topTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [metaMap(doc), datasetsMap(doc), modelMap(doc), pageOrderArray(doc), pagesMap(doc), visualsMap(doc)] as Y.AbstractType<unknown>[];
}

/** A nested model collection, or undefined when the workbook was never initialised. */
export function modelPart(doc: Y.Doc, part: ModelPart): Y.Map<YRecord> | undefined {
  const value: unknown = modelMap(doc).get(part);
  return value instanceof Y.Map ? (value as Y.Map<YRecord>) : undefined;
}

/** Deep copy of a JSON value read out of a Y type, so callers can never mutate document content. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
