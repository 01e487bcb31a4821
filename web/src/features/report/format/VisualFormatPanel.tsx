/** Format pane of the selected visual: every control writes one `visual.format` key with setVisualFormat (one undo step each). */
import { LEGEND_POSITIONS, NON_CHART_TYPES, readVisualFormat, setVisualFormat, type LegendPosition, type NumberUnits, type Visual } from '@tessera/shared';
import { useMemo, type ReactNode } from 'react';
import { useEdit } from '../use-edit';
import { ColorField, NumberField, Section, SelectField, TextField, Toggle } from './controls';
import { colorTargets, patchBorder, patchNumberFormat, patchSeriesColors } from './format-model';
import { useChartTheme } from './use-chart-theme';
import { useVisualResults } from './visual-results';

const HORIZONTAL: ReadonlySet<string> = new Set(['bar', 'stackedBar', 'percentBar']);
const LABELS_ON_BY_DEFAULT: ReadonlySet<string> = new Set(['pie', 'donut', 'funnel', 'treemap']);
const NO_AXES: ReadonlySet<string> = new Set(['pie', 'donut', 'funnel', 'treemap', 'map']);

const UNIT_OPTIONS: { value: NumberUnits; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'auto', label: 'Auto' },
  { value: 'K', label: 'Thousands' },
  { value: 'M', label: 'Millions' },
  { value: 'B', label: 'Billions' },
];
const LEGEND_LABELS: Record<LegendPosition, string> = { top: 'Top', bottom: 'Bottom', left: 'Left', right: 'Right', none: 'None' };

export function VisualFormatPanel({ visual }: { visual: Visual }): ReactNode {
  const edit = useEdit();
  const theme = useChartTheme();
  const fmt = useMemo(() => readVisualFormat(visual.format), [visual.format]);
  const result = useVisualResults((s) => s.results[visual.id]);
  const targets = useMemo(() => (result ? colorTargets(visual.type, result.fields, result.rows) : []), [result, visual.type]);
  const set = (key: string, value: unknown) => edit((doc) => setVisualFormat(doc, visual.id, key, value));
  const isChart = !NON_CHART_TYPES.has(visual.type);
  const hasAxes = isChart && !NO_AXES.has(visual.type);
  const horizontal = HORIZONTAL.has(visual.type);
  const palette = fmt.colors ?? theme.dataColors;
  const nf = fmt.numberFormat;
  const setNumber = (patch: Parameters<typeof patchNumberFormat>[1]) => set('numberFormat', patchNumberFormat(visual.format.numberFormat, patch));

  const valueRange = (axis: 'X' | 'Y') => (
    <>
      <NumberField label={`${axis} axis minimum`} value={fmt.yMin} onCommit={(v) => set('yMin', v ?? undefined)} />
      <NumberField label={`${axis} axis maximum`} value={fmt.yMax} onCommit={(v) => set('yMax', v ?? undefined)} />
      <Toggle label="Logarithmic scale" checked={fmt.logScale} onChange={(v) => set('logScale', v || undefined)} />
    </>
  );

  return (
    <div className="fmt__panel">
      <Section title="Title" defaultOpen>
        <Toggle label="Show title" checked={fmt.showTitle} onChange={(v) => set('showTitle', v ? undefined : false)} />
        <TextField label="Title text" value={fmt.title ?? ''} placeholder="Automatic" onCommit={(v) => set('title', v.trim() === '' ? undefined : v)} />
      </Section>
      {isChart ? (
        <Section title="Colours">
          <ColorField
            label="Default colour"
            value={fmt.colors ? fmt.colors[0] : null}
            palette={theme.dataColors}
            fallback={theme.dataColors[0]}
            onChange={(c) => set('colors', c === null ? undefined : [c, ...theme.dataColors.slice(1)])}
          />
          {targets.length > 0 ? (
            <div className="fmt__series" role="group" aria-label="Series colours">
              {targets.map((t, i) => (
                <ColorField
                  key={t.key}
                  label={`Colour of ${t.label}`}
                  value={fmt.seriesColors[t.key] ?? null}
                  palette={theme.dataColors}
                  fallback={palette[i % palette.length]}
                  onChange={(c) => set('seriesColors', patchSeriesColors(visual.format.seriesColors, t.key, c))}
                />
              ))}
            </div>
          ) : (
            <p className="muted fmt__hint">Series colours appear once the visual shows data.</p>
          )}
        </Section>
      ) : null}
      {isChart ? (
        <Section title="Data labels">
          <Toggle label="Data labels" checked={fmt.dataLabels ?? LABELS_ON_BY_DEFAULT.has(visual.type)} onChange={(v) => set('dataLabels', v)} />
        </Section>
      ) : null}
      {hasAxes ? (
        <Section title="X axis">
          <Toggle label="Show X axis" checked={fmt.showXAxis} onChange={(v) => set('showXAxis', v ? undefined : false)} />
          <TextField label="X axis title" value={fmt.xAxisTitle ?? ''} placeholder="Automatic" onCommit={(v) => set('xAxisTitle', v.trim() === '' ? undefined : v)} />
          {horizontal ? valueRange('X') : null}
        </Section>
      ) : null}
      {hasAxes ? (
        <Section title="Y axis">
          <Toggle label="Show Y axis" checked={fmt.showYAxis} onChange={(v) => set('showYAxis', v ? undefined : false)} />
          <TextField label="Y axis title" value={fmt.yAxisTitle ?? ''} placeholder="Automatic" onCommit={(v) => set('yAxisTitle', v.trim() === '' ? undefined : v)} />
          {horizontal ? null : valueRange('Y')}
        </Section>
      ) : null}
      {hasAxes ? (
        <Section title="Gridlines">
          <Toggle label="Gridlines" checked={fmt.showGridlines} onChange={(v) => set('showGridlines', v ? undefined : false)} />
        </Section>
      ) : null}
      {isChart ? (
        <Section title="Legend">
          <SelectField
            label="Legend position"
            value={fmt.legendPosition}
            options={LEGEND_POSITIONS.map((p) => ({ value: p, label: LEGEND_LABELS[p] }))}
            onChange={(v) => set('legendPosition', v === 'top' ? undefined : v)}
          />
        </Section>
      ) : null}
      <Section title="Number format">
        <SelectField label="Display units" value={nf.units ?? 'none'} options={UNIT_OPTIONS} onChange={(v) => setNumber({ units: v === 'none' ? undefined : v })} />
        <NumberField label="Decimal places" value={nf.decimals ?? null} min={0} max={10} onCommit={(v) => setNumber({ decimals: v ?? undefined })} />
        <Toggle label="Thousands separator" checked={nf.thousands !== false} onChange={(v) => setNumber({ thousands: v ? undefined : false })} />
        <TextField label="Currency symbol" value={nf.currency ?? ''} placeholder="None" onCommit={(v) => setNumber({ currency: v.trim() || undefined })} />
        <Toggle label="Percentage" checked={nf.percent === true} onChange={(v) => setNumber({ percent: v || undefined })} />
      </Section>
      <Section title="Background">
        <ColorField label="Background colour" value={fmt.background} palette={[theme.background, ...theme.dataColors]} fallback={theme.background} onChange={(c) => set('background', c ?? undefined)} />
      </Section>
      <Section title="Border">
        <Toggle label="Border" checked={fmt.border.show} onChange={(v) => set('border', patchBorder(visual.format.border, { show: v }))} />
        <ColorField label="Border colour" value={fmt.border.color} palette={[theme.gridColor, theme.foreground, ...theme.dataColors]} fallback={theme.gridColor} onChange={(c) => set('border', patchBorder(visual.format.border, { color: c, show: true }))} />
      </Section>
    </div>
  );
}
