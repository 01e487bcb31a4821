import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { FIRST_PAGE, makeWorkbook } from '../../test/helpers';
import {
  addPage,
  addVisual,
  bindField,
  bringVisualToFront,
  moveField,
  moveVisual,
  readWorkbook,
  removeVisual,
  resizeVisual,
  setVisualFilters,
  setVisualFormat,
  setVisualSort,
  setVisualTitle,
  setVisualTopN,
  setVisualType,
  unbindField,
  visualsOnPage,
} from '../index';

const amount = { datasetId: 'ds_sales', column: 'Amount', aggregate: 'sum' as const };
const country = { datasetId: 'ds_customers', column: 'Country' };
const total = { measureId: 'ms_total' };

function withVisual() {
  const doc = makeWorkbook();
  const id = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 10, y: 20, w: 300, h: 200, title: 'By country' });
  return { doc, id };
}

describe('addVisual', () => {
  it('creates the visual with its roles, z in front of the page', () => {
    const { doc, id } = withVisual();
    const v = readWorkbook(doc).visuals[id];
    expect(v).toEqual({
      id, pageId: FIRST_PAGE, type: 'bar', x: 10, y: 20, w: 300, h: 200, z: 1, title: 'By country',
      fields: { category: [], series: [], smallMultiples: [], tooltips: [], values: [] }, filters: [], format: {}, sort: null, topN: null,
    });
    const second = addVisual(doc, { pageId: FIRST_PAGE, type: 'card', x: 0, y: 0, w: 50, h: 50 });
    const other = addVisual(doc, { pageId: addPage(doc, { name: 'P2' }), type: 'card', x: 0, y: 0, w: 50, h: 50 });
    const snap = readWorkbook(doc);
    expect(snap.visuals[second].z).toBe(2);
    expect(snap.visuals[other].z).toBe(1);
    expect(visualsOnPage(snap, FIRST_PAGE).map((v) => v.id)).toEqual([id, second]);
  });

  it('validates', () => {
    const doc = makeWorkbook();
    expect(errorOf(() => addVisual(doc, { pageId: 'nope', type: 'bar', x: 0, y: 0, w: 10, h: 10 })).message).toContain('no page with id "nope"');
    expect(errorOf(() => addVisual(doc, { pageId: FIRST_PAGE, type: 'radar' as 'bar', x: 0, y: 0, w: 10, h: 10 })).field).toBe('type');
    expect(errorOf(() => addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 0, h: 10 })).message).toContain('w must be at least 1');
    expect(errorOf(() => addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: Number.NaN, y: 0, w: 5, h: 10 })).field).toBe('x');
    expect(readWorkbook(doc).visuals).toEqual({});
  });
});

describe('geometry and properties', () => {
  it('moves, resizes, retitles, retypes, formats', () => {
    const { doc, id } = withVisual();
    moveVisual(doc, id, 40, 50);
    resizeVisual(doc, id, 400, 250);
    setVisualTitle(doc, id, 'Revenue');
    setVisualType(doc, id, 'scatter');
    setVisualFormat(doc, id, 'color', '#ff0000');
    setVisualFormat(doc, id, 'legend', { show: true, position: 'right' });
    const v = readWorkbook(doc).visuals[id];
    expect(v).toMatchObject({ x: 40, y: 50, w: 400, h: 250, title: 'Revenue', type: 'scatter', format: { color: '#ff0000', legend: { show: true, position: 'right' } } });
    expect(Object.keys(v.fields).sort()).toEqual(['category', 'details', 'series', 'size', 'smallMultiples', 'tooltips', 'values', 'x', 'y']);
    setVisualFormat(doc, id, 'color', undefined);
    expect(readWorkbook(doc).visuals[id].format).toEqual({ legend: { show: true, position: 'right' } });
  });

  it('rejects bad values and unknown ids', () => {
    const { doc, id } = withVisual();
    expect(errorOf(() => moveVisual(doc, 'ghost', 1, 1)).message).toContain('no visual with id "ghost"');
    expect(errorOf(() => moveVisual(doc, id, Number.POSITIVE_INFINITY, 1)).field).toBe('x');
    expect(errorOf(() => resizeVisual(doc, id, 10, -5)).field).toBe('h');
    expect(errorOf(() => setVisualType(doc, id, 'gauge' as 'bar')).field).toBe('type');
    expect(errorOf(() => setVisualFormat(doc, id, '', 1)).field).toBe('key');
    expect(errorOf(() => setVisualFormat(doc, id, 'fn', () => 1)).field).toBe('value');
    expect(errorOf(() => setVisualTitle(doc, id, 'x'.repeat(301))).field).toBe('title');
    expect(readWorkbook(doc).visuals[id]).toMatchObject({ x: 10, y: 20, w: 300, h: 200, type: 'bar', format: {} });
  });

  it('filters, sort, top N, bring to front', () => {
    const { doc, id } = withVisual();
    const front = addVisual(doc, { pageId: FIRST_PAGE, type: 'card', x: 0, y: 0, w: 50, h: 50 });
    setVisualFilters(doc, id, [{ id: 'f', kind: 'range', field: amount, min: 10 }]);
    setVisualSort(doc, id, { field: total, direction: 'desc' });
    setVisualTopN(doc, id, { n: 5, by: total, direction: 'top' });
    bringVisualToFront(doc, id);
    const snap = readWorkbook(doc);
    expect(snap.visuals[id]).toMatchObject({ filters: [{ id: 'f', kind: 'range', field: amount, min: 10 }], sort: { field: total, direction: 'desc' }, topN: { n: 5, by: total, direction: 'top' }, z: 3 });
    expect(visualsOnPage(snap, FIRST_PAGE).map((v) => v.id)).toEqual([front, id]);
    setVisualSort(doc, id, null);
    expect(readWorkbook(doc).visuals[id].sort).toBeNull();
    expect(errorOf(() => setVisualTopN(doc, id, { n: 0, by: total, direction: 'top' })).field).toBe('topN.n');
  });

  it('removeVisual', () => {
    const { doc, id } = withVisual();
    removeVisual(doc, id);
    expect(readWorkbook(doc).visuals).toEqual({});
    expect(errorOf(() => removeVisual(doc, id)).field).toBe('id');
  });
});

describe('field wells', () => {
  it('binds, inserts at an index, unbinds and moves fields', () => {
    const { doc, id } = withVisual();
    bindField(doc, id, 'category', country);
    bindField(doc, id, 'values', amount);
    bindField(doc, id, 'values', total, 0);
    expect(readWorkbook(doc).visuals[id].fields).toMatchObject({ category: [country], values: [total, amount] });
    moveField(doc, id, 'values', 1, 'tooltips', 0);
    expect(readWorkbook(doc).visuals[id].fields).toMatchObject({ values: [total], tooltips: [amount] });
    moveField(doc, id, 'category', 0, 'category', 5);
    expect(readWorkbook(doc).visuals[id].fields.category).toEqual([country]);
    unbindField(doc, id, 'values', 0);
    expect(readWorkbook(doc).visuals[id].fields.values).toEqual([]);
    bindField(doc, id, 'custom', total);
    expect(readWorkbook(doc).visuals[id].fields.custom).toEqual([total]);
  });

  it('validates refs, roles and positions', () => {
    const { doc, id } = withVisual();
    expect(errorOf(() => bindField(doc, id, 'values', { datasetId: 'd' } as typeof country)).field).toBe('ref');
    expect(errorOf(() => bindField(doc, id, '', total)).field).toBe('role');
    expect(errorOf(() => bindField(doc, id, 'values', { ...amount, aggregate: 'mode' as 'sum' })).field).toBe('ref');
    expect(errorOf(() => unbindField(doc, id, 'values', 0)).message).toContain('no field at position 0 of role "values"');
    expect(errorOf(() => moveField(doc, id, 'nope', 0, 'values', 0)).field).toBe('index');
    expect(errorOf(() => bindField(doc, 'ghost', 'values', total)).field).toBe('id');
  });
});
