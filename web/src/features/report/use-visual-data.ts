/**
 * The hot path of one visual: snapshot of the visual + model + the page's filters, slicers and
 * cross-filter → compileVisualQuery (shared) → engine.query(key 'visual:<id>', high priority) → rows.
 * Keeps the last rows while a new query runs, so charts update in place.
 */
import { contextOf, fieldDatasets, isMeasureRef, modelOfSnapshot, tableOf, type Visual, type WorkbookSnapshot } from '@tessera/shared';
import { compileVisualQuery, filtersToPredicates, withTopNContext, type CompiledQuery, type Predicate, type ResultField } from '@tessera/shared';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import { QueryCancelledError } from '../../engine/types';
import { useAttachStates } from '../../workbook';
import { useReportStore } from './report-store';
import { slicerFilterId } from './report-actions';
import { useDrillQuery } from './drill/use-drill';
import { crossFilterFor } from './interactions/interaction-mode';
import { useInteractionHighlight, type Highlight } from './interactions/use-highlight';
import { cubeStoreOf } from '../../engine/cube-store';
import { cubeSqlFor, prepareCube, probeSelection, useCubeActivation } from './crossfilter-cubes';

export type VisualData =
  | { status: 'empty' }
  | { status: 'waiting'; message: string }
  | { status: 'error'; message: string }
  | { status: 'loading' | 'ready'; rows: Record<string, unknown>[] | null; fields: ResultField[]; reduction?: CompiledQuery['reduction']; sql: string; highlight?: Highlight; viaCube?: boolean };

export function hasFields(visual: Visual): boolean {
  return Object.values(visual.fields).some((refs) => refs.length > 0);
}

/** Dataset ids a visual reads (its columns' datasets, those its calculated columns read through RELATED, and its measures' home datasets). */
export function datasetsOfVisual(visual: Visual, snapshot: WorkbookSnapshot): string[] {
  const ids = new Set<string>();
  const ctx = contextOf(modelOfSnapshot(snapshot));
  for (const refs of Object.values(visual.fields)) {
    for (const ref of refs) {
      if (isMeasureRef(ref)) {
        const measure = snapshot.model.measures[ref.measureId];
        if (measure) ids.add(measure.datasetId);
        continue;
      }
      ids.add(ref.datasetId);
      try {
        for (const id of fieldDatasets(ctx, ref)) ids.add(id);
      } catch {
        // a missing or broken field: the visual's compile says so
      }
    }
  }
  return [...ids].sort();
}

/**
 * The datasets a visual's query reads — the ones it waits for and whose versions key its result: its
 * fields' own, and any its compiled SQL reaches beyond them (a filter carried through a "Both"
 * relationship reads the many side in a semi-join).
 */
export function datasetsRead(visual: Visual, snapshot: WorkbookSnapshot, sql: string | undefined): string[] {
  const ids = new Set(datasetsOfVisual(visual, snapshot));
  if (sql) for (const id of Object.keys(snapshot.datasets)) if (sql.includes(`"${tableOf(id)}"`)) ids.add(id);
  return [...ids].sort();
}

/** The predicates that apply to a visual: report filters, page filters (its own slicer's excepted), its filters, the page's cross-filter from another visual. */
export function visualPredicates(visual: Visual, snapshot: WorkbookSnapshot, crossFilter: { sourceVisualId: string; predicate: Predicate } | undefined): Predicate[] {
  const page = snapshot.pages[visual.pageId];
  const own = slicerFilterId(visual.id);
  const filters = [...(snapshot.meta.filters ?? []), ...(page?.filters ?? []).filter((f) => f.id !== own), ...visual.filters];
  const predicates = filtersToPredicates(filters);
  if (crossFilter && crossFilter.sourceVisualId !== visual.id && snapshot.visuals[crossFilter.sourceVisualId]) predicates.push(crossFilter.predicate);
  return predicates;
}

interface Loaded {
  sql: string;
  /** answered from the visual's cross-filter cube */
  viaCube?: boolean;
  rows: Record<string, unknown>[];
  fields: ResultField[];
  reduction?: CompiledQuery['reduction'];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function useAttachSummary(ids: string[]): { ready: boolean; message?: string } {
  const attach = useAttachStates();
  const key = useSyncExternalStore(attach.subscribe, () => ids.map((id) => `${attach.get(id)?.state ?? 'loading'}`).join(','));
  const states = key === '' ? [] : key.split(',');
  const bad = ids.find((id, i) => states[i] === 'missing' || states[i] === 'error');
  if (bad) return { ready: false, message: attach.get(bad)?.message ?? 'The data of this visual is not available. Re-import the dataset.' };
  return { ready: states.every((s) => s === 'ready') };
}

export function useVisualData(visual: Visual, snapshot: WorkbookSnapshot, options: { limit?: number } = {}): VisualData {
  const engine = useEngine();
  const crossFilter = useReportStore((s) => s.crossFilters[visual.pageId]);

  // drill state (level, drilled values) and edited interactions (filter / highlight / none) shape the input
  const drilled = useDrillQuery(visual, snapshot);
  const applied = useMemo(() => crossFilterFor(visual, snapshot, crossFilter), [visual, snapshot, crossFilter]);
  const input = useMemo(
    () => ({
      visual: drilled.visual,
      // datasets, relationships, measures and calculated columns
      ...modelOfSnapshot(snapshot),
      // a Top N filter ranks within everything else that filters the visual, cross-filter and drill included
      filters: withTopNContext([...visualPredicates(visual, snapshot, applied.filter), ...drilled.predicates]),
      ...(drilled.drill ? { drill: drilled.drill } : {}),
      limit: options.limit,
    }),
    [visual, snapshot, applied.filter, drilled, options.limit],
  );
  const compiled = useMemo((): { query: CompiledQuery } | { error: string } | null => {
    if (!hasFields(visual)) return null;
    try {
      return { query: compileVisualQuery(input) };
    } catch (error) {
      return { error: messageOf(error) };
    }
  }, [visual, input]);
  // the datasets the query reads: the fields' own, and any a filter reaches through a "Both" relationship
  const datasetIds = useMemo(() => datasetsRead(visual, snapshot, compiled && 'query' in compiled ? compiled.query.sql : undefined), [visual, snapshot, compiled]);
  const attach = useAttachSummary(datasetIds);
  const highlight = useInteractionHighlight(compiled && 'query' in compiled ? input : null, applied.highlight, compiled && 'query' in compiled ? compiled.query.fields : undefined, attach.ready);

  const sql = compiled && 'query' in compiled ? compiled.query.sql : '';
  const versions = datasetIds.map((id) => snapshot.datasets[id]?.version ?? '').join(',');
  const [result, setResult] = useState<Loaded | { sql: string; error: string } | null>(null);
  const compiledRef = useRef(compiled);
  compiledRef.current = compiled;

  // a chart of the page may be clicked: build this visual's cube for its cross-filter key (background)
  const activeSource = useCubeActivation((s) => s.active[visual.pageId]);
  const probeInput = useMemo(() => {
    if (!activeSource || activeSource.visualId === visual.id || !hasFields(visual)) return null;
    const probe = probeSelection(activeSource);
    const applies = probe ? crossFilterFor(visual, snapshot, { sourceVisualId: activeSource.visualId, predicate: probe }).filter : undefined;
    if (!probe || !applies) return null;
    return { input: { ...input, filters: withTopNContext([...visualPredicates(visual, snapshot, applies), ...drilled.predicates]) }, probe };
  }, [activeSource, visual, snapshot, input, drilled]);
  useEffect(() => {
    if (probeInput && attach.ready) void prepareCube(cubeStoreOf(engine), probeInput.input, probeInput.probe);
  }, [engine, probeInput, attach.ready]);

  const inputRef = useRef(input);
  inputRef.current = input;
  const selection = applied.filter?.predicate;
  useEffect(() => {
    if (!sql || !attach.ready) return;
    const controller = new AbortController();
    // under a cross-filter, the visual's cube answers the same rows when it is built
    const viaCube = selection ? cubeSqlFor(cubeStoreOf(engine), inputRef.current, selection) : undefined;
    // a cube query is small: it goes in one worker round trip, pipelined with the page's other cube queries
    engine.query(viaCube ?? sql, { key: `visual:${visual.id}`, priority: 'high', signal: controller.signal, ...(viaCube ? { atOnce: true } : {}) }).then(
      (res) => {
        const current = compiledRef.current;
        if (controller.signal.aborted || !current || !('query' in current)) return;
        setResult({ sql, rows: res.rows, fields: current.query.fields, reduction: current.query.reduction, ...(viaCube ? { viaCube: true } : {}) });
      },
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof QueryCancelledError) return;
        setResult({ sql, error: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [engine, sql, attach.ready, visual.id, versions, selection]);

  // same SQL, new labels (a field renamed for this visual): the rows stay, the labels come from the current compile
  const freshFields = result && 'rows' in result ? (compiled && 'query' in compiled && compiled.query.sql === result.sql ? compiled.query.fields : result.fields) : undefined;
  const shown = useMemo(() => (result && 'rows' in result && freshFields ? drilled.transform(result.rows, freshFields) : null), [result, freshFields, drilled]);

  if (!compiled) return { status: 'empty' };
  if ('error' in compiled) return { status: 'error', message: compiled.error };
  if (attach.message) return { status: 'error', message: attach.message };
  if (!attach.ready) return { status: 'waiting', message: 'Loading data…' };
  if (result && 'error' in result && result.sql === sql) return { status: 'error', message: result.error };
  if (result && 'rows' in result && shown) {
    return { status: result.sql === sql ? 'ready' : 'loading', rows: shown.rows, fields: shown.fields, reduction: result.reduction, sql: result.sql, ...(highlight ? { highlight } : {}), ...(result.viaCube ? { viaCube: true } : {}) };
  }
  return { status: 'loading', rows: null, fields: compiled.query.fields, reduction: compiled.query.reduction, sql };
}
