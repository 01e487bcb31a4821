/**
 * A chart visual: shared buildSpec → <VegaEmbed> (canvas renderer, no actions). When only the rows
 * change, the embedded view is updated in place (`view.data('table', rows)` + runAsync) instead of
 * re-embedded. Clicking a datum publishes a cross-filter; an off-screen list of the data points
 * gives screen-reader and keyboard users the same (a "show data" lite).
 */
import { type Scalar, type Visual } from '@tessera/shared';
import { type ResultField } from '@tessera/shared';
import { buildSpec, luminance, type ThemeTokens } from '@tessera/shared';
import { formatValue } from '@tessera/shared';
import { numberFormatOf } from './field-format';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { VegaEmbed } from 'react-vega';
import type { View } from 'vega';
import type { EmbedOptions, Result, VisualizationSpec } from 'vega-embed';
import { crossFilterField, datumValue, specShape } from './chart-data';
import { useReportStore } from './report-store';
import { useDrillClick } from './drill/use-drill';
import { useCubeActivation } from './crossfilter-cubes';
import { useDrillThroughMenu } from './drill/DrillThroughMenu';
import { customSpecOf, mapKindOf, specTableRows, useTopology } from './extras';

interface ChartViewProps {
  visual: Visual;
  fields: ResultField[];
  rows: Record<string, unknown>[];
  theme: ThemeTokens;
  width: number;
  height: number;
  /** Highlight from another visual's click (an "Edit interactions" highlight); else this visual's own selection. */
  highlight?: { key: string; values: Scalar[] }[];
}

const MAX_LISTED_POINTS = 300;

export function ChartView({ visual, fields, rows, theme, width, height, highlight: external }: ChartViewProps): ReactNode {
  const crossFilter = useReportStore((s) => s.crossFilters[visual.pageId]);
  const setCrossFilter = useReportStore((s) => s.setCrossFilter);
  const activateCubes = useCubeActivation((s) => s.activate);
  const toggleValue = useReportStore((s) => s.toggleCrossFilterValue);
  const target = useMemo(() => crossFilterField(fields), [fields]);

  const drillClick = useDrillClick(visual, fields);
  const drillClickRef = useRef(drillClick);
  drillClickRef.current = drillClick;
  const drillThrough = useDrillThroughMenu(visual, fields);
  const drillThroughRef = useRef(drillThrough.open);
  drillThroughRef.current = drillThrough.open;

  const highlight = useMemo(() => {
    if (external) return external;
    if (!crossFilter || crossFilter.sourceVisualId !== visual.id || !target) return undefined;
    return [{ key: target.field.key, values: crossFilter.predicate.values }];
  }, [crossFilter, visual.id, target, external]);

  // a filled map draws over its TopoJSON (loaded on demand); a custom visual from its Vega-Lite spec
  const topologyState = useTopology(visual.type === 'map' ? mapKindOf(visual.format) : null);
  const topology = topologyState.status === 'ready' ? topologyState.topology : undefined;
  const customSpec = visual.type === 'custom' ? customSpecOf(visual.format, fields) : undefined;
  const built = useMemo(
    // the frame's header shows the title: the chart does not repeat it
    () => buildSpec({ type: visual.type, fields, rows, format: { ...visual.format, showTitle: false }, theme, width, height, highlight, topology, customSpec }),
    [visual.type, visual.format, fields, rows, theme, width, height, highlight, topology, customSpec],
  );

  // The spec without its rows: re-embed only when this changes; rows alone go into the live view.
  const shapeJson = useMemo(() => (built.library === 'none' ? '' : JSON.stringify(specShape(built.spec).shape)), [built]);
  const hasTable = built.library !== 'none' && specShape(built.spec).hasTable;
  const embedSpec = useMemo(() => {
    if (built.library === 'none') return null;
    const spec = (hasTable ? JSON.parse(shapeJson) : built.spec) as Record<string, unknown>;
    // rows arrive after the embed (and change in place): the layout must be re-measured on every update
    const autosize = spec.autosize;
    if (typeof autosize === 'object' && autosize !== null) spec.autosize = { ...autosize, resize: true };
    else spec.autosize = { type: 'fit', contains: 'padding', resize: true };
    return spec as VisualizationSpec;
    // keyed by the shape, not by the rows: `built.spec` is read only when the spec has no 'table' data
  }, [shapeJson, hasTable]);
  const mode = built.library === 'vega' ? 'vega' : 'vega-lite';
  // vega-tooltip with the theme's light or dark styling (the spec's tooltips carry formatted values)
  const tooltipTheme = luminance(theme.background) < 0.4 ? 'dark' : 'light';
  const options = useMemo<EmbedOptions>(() => ({ renderer: 'canvas', actions: false, mode, tooltip: { theme: tooltipTheme } }), [mode, tooltipTheme]);

  const viewRef = useRef<View | null>(null);
  // the rows as the spec binds them (a map adds its matched shape names): what the live view receives
  const tableRows = useMemo(() => (built.library === 'none' ? rows : (specTableRows(built.spec) ?? rows)), [built, rows]);
  const rowsRef = useRef(tableRows);
  rowsRef.current = tableRows;
  const publishRef = useRef<(value: Scalar, additive: boolean) => void>(() => undefined);
  const clearRef = useRef<() => void>(() => undefined);

  publishRef.current = (value, additive) => {
    if (!target) return;
    const filter = { sourceVisualId: visual.id, predicate: { kind: 'in' as const, field: target.ref, values: [value] } };
    if (additive) toggleValue(visual.pageId, filter);
    else if (crossFilter?.sourceVisualId === visual.id && crossFilter.predicate.values.length === 1 && crossFilter.predicate.values[0] === value) setCrossFilter(visual.pageId, undefined);
    else setCrossFilter(visual.pageId, filter);
  };
  clearRef.current = () => {
    if (crossFilter?.sourceVisualId === visual.id) setCrossFilter(visual.pageId, undefined);
  };

  const onEmbed = useCallback(
    (result: Result) => {
      const view = result.view;
      viewRef.current = view;
      if (hasTable) void view.data('table', rowsRef.current).runAsync();
      view.addEventListener('contextmenu', (event, item) => {
        const mouse = event as MouseEvent;
        if (item?.datum && drillThroughRef.current(item.datum, mouse.clientX, mouse.clientY)) {
          mouse.preventDefault();
          mouse.stopPropagation();
        }
      });
      view.addEventListener('click', (event, item) => {
        if (item?.datum && drillClickRef.current(item.datum)) return;
        const key = target?.field.key;
        const value = key ? datumValue(item?.datum, key) : undefined;
        const mouse = event as MouseEvent;
        if (value === undefined) clearRef.current();
        else publishRef.current(value, mouse.ctrlKey || mouse.metaKey);
      });
    },
    [hasTable, target],
  );

  useEffect(() => {
    const view = viewRef.current;
    if (!view || !hasTable) return;
    void view.data('table', tableRows).runAsync();
  }, [tableRows, hasTable]);

  useEffect(() => () => void (viewRef.current = null), []);

  if (topologyState.status === 'loading') return <p className="visual__message" aria-busy="true">Loading map shapes…</p>;
  if (topologyState.status === 'error') return <p className="visual__message visual__message--error" role="alert">{topologyState.message}</p>;
  if (built.library === 'none' || !embedSpec)
    return (
      <p className="visual__message" role={visual.type === 'custom' ? 'alert' : undefined}>
        {built.library === 'none' ? built.reason : ''}
      </p>
    );

  const dims = fields.filter((f) => f.kind === 'dimension');
  const measures = fields.filter((f) => f.kind === 'measure');
  const pointLabel = (row: Record<string, unknown>): string =>
    [...dims, ...measures].map((f) => `${f.label} ${formatValue(row[f.key], f, numberFormatOf(f, visual.format))}`).join(', ');
  // the pointer on a chart that cross-filters: the page's other visuals prepare their cubes for its clicks
  const onActivate = () => {
    if (target) activateCubes(visual.pageId, { visualId: visual.id, ref: target.ref, ...(target.field.drillLevel ? { level: target.field.drillLevel } : {}) });
  };
  const onPointClick = (row: Record<string, unknown>) => (event: ReactMouseEvent) => {
    if (drillClickRef.current(row)) return;
    const value = target ? datumValue(row, target.field.key) : undefined;
    if (value !== undefined) publishRef.current(value, event.ctrlKey || event.metaKey);
  };

  return (
    <>
      <VegaEmbed className="visual__chart" spec={embedSpec} options={options} onEmbed={onEmbed} data-testid={`chart-${visual.id}`} onPointerEnter={onActivate} />
      <ul className="visually-hidden visual__points" aria-label="Data points">
        {rows.slice(0, MAX_LISTED_POINTS).map((row, i) => (
          <li key={i}>
            <button
              type="button"
              tabIndex={-1}
              onContextMenu={(e) => {
                if (drillThroughRef.current(row, e.clientX, e.clientY)) {
                  e.preventDefault();
                  e.stopPropagation();
                }
              }}
              aria-pressed={highlight ? highlight[0].values.includes(datumValue(row, highlight[0].key) ?? '\u0000') : undefined} onClick={onPointClick(row)}>
              {pointLabel(row)}
            </button>
          </li>
        ))}
      </ul>
      {built.warnings && built.warnings.length > 0 ? (
        <p className="visual__footnote" role="status">
          {built.warnings.join(' ')}
        </p>
      ) : null}
      {drillThrough.menu}
    </>
  );
}
