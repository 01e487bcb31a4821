import { applyAxisVisibility } from './axis-visibility';
import { buildBars, buildCombo, buildLines } from './cartesian';
import { makeCtx } from './common';
import { buildCustom } from './custom';
import { buildMap } from './map';
import { buildFunnel, buildPie, buildWaterfall } from './part-whole';
import { buildTreemap } from './treemap';
import { NON_CHART_TYPES, type BuiltSpec, type SpecInput } from './types';
import { readVisualFormat } from './visual-format';
import { buildHeatmap, buildHistogram, buildScatter } from './xy';

/**
 * Result rows + field metadata → a chart spec (plain JSON, no Vega import). Every chart names its
 * data { name: 'table' }; table/matrix/card/multiRowCard/kpi/slicer return library 'none' (React draws them).
 */
export function buildSpec(input: SpecInput): BuiltSpec {
  const built = buildChart(input);
  if (built.library !== 'vega-lite') return built;
  return { ...built, spec: applyAxisVisibility(built.spec, readVisualFormat(input.format)) };
}

function buildChart(input: SpecInput): BuiltSpec {
  const type: string = input.type;
  if (NON_CHART_TYPES.has(type)) return { library: 'none', reason: `A ${type} is drawn by the report, not by a chart spec.` };
  const ctx = makeCtx(input);
  switch (type) {
    case 'bar':
      return buildBars(ctx, true, 'clustered');
    case 'column':
      return buildBars(ctx, false, 'clustered');
    case 'stackedBar':
      return buildBars(ctx, true, 'stacked');
    case 'stackedColumn':
      return buildBars(ctx, false, 'stacked');
    case 'percentBar':
      return buildBars(ctx, true, 'percent');
    case 'percentColumn':
      return buildBars(ctx, false, 'percent');
    case 'line':
      return buildLines(ctx, 'line');
    case 'area':
      return buildLines(ctx, 'area');
    case 'stackedArea':
      return buildLines(ctx, 'stackedArea');
    case 'combo':
      return buildCombo(ctx);
    case 'pie':
      return buildPie(ctx, false);
    case 'donut':
      return buildPie(ctx, true);
    case 'scatter':
      return buildScatter(ctx);
    case 'histogram':
      return buildHistogram(ctx);
    case 'heatmap':
      return buildHeatmap(ctx);
    case 'funnel':
      return buildFunnel(ctx);
    case 'waterfall':
      return buildWaterfall(ctx);
    case 'treemap':
      return buildTreemap(ctx);
    case 'map':
      return buildMap(ctx);
    case 'custom':
      return buildCustom(ctx);
    default:
      return { library: 'none', reason: `The visual type "${type}" has no chart yet.` };
  }
}
