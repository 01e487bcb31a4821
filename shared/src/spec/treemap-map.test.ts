import { describe, expect, it } from 'vitest';
import usStates from 'us-atlas/states-10m.json';
import world from 'world-atlas/countries-110m.json';
import { buildSpec } from './build-spec';
import { dim, measure, render } from './harness.test-util';
import { LIGHT_THEME } from './theme';
import type { SpecInput } from './types';

const base = { format: {}, theme: LIGHT_THEME, width: 500, height: 300 };

describe('treemap (Vega) and filled map', () => {
  const fields = [dim('c0', 'category', 'Category'), measure('c1', 'values', 'Sum of Sales')];
  const rows = [
    { c0: 'Tech', c1: 500 },
    { c0: 'Office', c1: 300 },
    { c0: 'Furniture', c1: 200 },
    { c0: 'Other', c1: 0 },
  ];

  it('treemap: one leaf per positive row, areas proportional to the values', async () => {
    const built = buildSpec({ ...base, type: 'treemap', fields, rows, highlight: [{ key: 'c0', values: ['Office'] }] } as SpecInput);
    expect(built.library).toBe('vega');
    const r = await render(built);
    const leaves = r.marks('rect');
    expect(leaves).toHaveLength(3);
    const area = (i: number) => ((leaves[i].x2 ?? 0) - (leaves[i].x ?? 0)) * ((leaves[i].y2 ?? 0) - (leaves[i].y ?? 0));
    const byCat = Object.fromEntries(leaves.map((l, i) => [l.datum?.c0, area(i)]));
    expect(byCat.Tech / byCat.Furniture).toBeCloseTo(2.5, 1);
    // the leaves tile the whole plot area (fit to the size minus title and padding)
    const plot = r.view.width() * r.view.height();
    expect(Math.abs(byCat.Tech + byCat.Office + byCat.Furniture - plot) / plot).toBeLessThan(0.01);
    expect(leaves.find((l) => l.datum?.c0 === 'Office')?.opacity).toBe(1);
    expect(leaves.find((l) => l.datum?.c0 === 'Tech')?.opacity).toBe(0.3);
    expect(leaves.find((l) => l.datum?.c0 === 'Tech')?.tooltip).toEqual({ Category: 'Tech', 'Sum of Sales': '500' });
    expect(r.marks('text').map((t) => t.text)).toContainEqual(['Tech', '500']);
  });

  it('world map: rows matched by name, alias and ISO id; unmatched ones reported', async () => {
    const mf = [dim('c0', 'location', 'Country'), measure('c1', 'values', 'Sum of Sales')];
    const mrows = [
      { c0: 'France', c1: 10 },
      { c0: 'USA', c1: 30 },
      { c0: "Cote d'Ivoire", c1: 5 },
      { c0: '076', c1: 7 }, // Brazil by ISO numeric id
      { c0: 'Atlantis', c1: 1 },
    ];
    const built = buildSpec({ ...base, type: 'map', fields: mf, rows: mrows, topology: world } as SpecInput);
    expect(built.library === 'vega-lite' && built.warnings).toEqual(['1 location(s) match no country on the map: Atlantis.']);
    const r = await render(built);
    const shapes = r.marks('shape');
    const countries = world.objects.countries.geometries.length;
    // base layer: every country; data layer: the four matched rows
    expect(shapes).toHaveLength(countries + 4);
    const data = shapes.filter((s) => s.datum?.c0 !== undefined);
    expect(data.map((s) => s.datum?.__geo)).toEqual(['France', 'United States of America', "Côte d'Ivoire", 'Brazil']);
    expect(data[1].tooltip).toEqual({ Country: 'USA', 'Sum of Sales': '30' });
    expect(new Set(data.map((s) => s.fill)).size).toBe(4);
  });

  it('US states map: names and postal codes', async () => {
    const mf = [dim('c0', 'location', 'State'), measure('c1', 'values', 'Sum of Sales')];
    const built = buildSpec({ ...base, type: 'map', fields: mf, rows: [{ c0: 'CA', c1: 3 }, { c0: 'new york', c1: 2 }], topology: usStates } as SpecInput);
    expect(built.library === 'vega-lite' && built.warnings).toBeFalsy();
    const r = await render(built);
    expect(r.marks('shape').filter((s) => s.datum?.c0 !== undefined).map((s) => s.datum?.__geo)).toEqual(['California', 'New York']);
  });

  it('map without shapes explains what is missing', () => {
    const built = buildSpec({ ...base, type: 'map', fields: [dim('c0', 'location', 'Country')], rows: [] } as SpecInput);
    expect(built).toEqual({ library: 'none', reason: expect.stringContaining('TopoJSON') });
  });
});
