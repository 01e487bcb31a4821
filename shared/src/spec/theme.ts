/** Colour/font tokens of a report theme, and their mapping onto a Vega-Lite `config`. */
export interface ThemeTokens {
  dataColors: string[];
  background: string;
  foreground: string;
  gridColor: string;
  fontFamily: string;
  tableAccent: string;
}

/** Power BI's default data colours ("Default" theme). */
export const POWER_BI_COLORS: readonly string[] = [
  '#118DFF', '#12239E', '#E66C37', '#6B007B', '#E044A7', '#744EC2', '#D9B300', '#D64550',
  '#197278', '#1AAB40', '#15C6F4', '#4092FF', '#FFA058', '#BE5DC9', '#F472D0', '#B5A1FF',
  '#C4A200', '#FF8080', '#00DBBC', '#5BD667',
];

const FONT = "'Segoe UI', 'Segoe UI Web', 'Helvetica Neue', Helvetica, Arial, sans-serif";

export const LIGHT_THEME: ThemeTokens = {
  dataColors: [...POWER_BI_COLORS],
  background: '#FFFFFF',
  foreground: '#252423',
  gridColor: '#E1DFDD',
  fontFamily: FONT,
  tableAccent: '#118DFF',
};

export const DARK_THEME: ThemeTokens = {
  dataColors: ['#4092FF', '#15C6F4', '#FFA058', '#BE5DC9', '#F472D0', '#B5A1FF', '#FFD94A', '#FF8080', '#00DBBC', '#5BD667', '#118DFF', '#E66C37'],
  background: '#252423',
  foreground: '#F3F2F1',
  gridColor: '#484644',
  fontFamily: FONT,
  tableAccent: '#4092FF',
};

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(?:rgb|rgba|hsl|hsla)\(\s*[\d.]+%?\s*,?\s*[\d.]+%?\s*,?\s*[\d.]+%?\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i;

/** Whether `value` is a colour we accept in themes and format options (#hex, rgb(), hsl()). */
export function isColor(value: unknown): value is string {
  return typeof value === 'string' && (HEX.test(value.trim()) || FUNC.test(value.trim()));
}

function hexToRgb(color: string): [number, number, number] | null {
  const c = color.trim();
  if (!HEX.test(c)) return null;
  const h = c.length <= 5 ? [...c.slice(1, 4)].map((x) => x + x).join('') : c.slice(1, 7);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance 0..1 of a hex colour (0.5 for colours we cannot read). */
export function luminance(color: string): number {
  const rgb = hexToRgb(color);
  if (!rgb) return 0.5;
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Mix two hex colours (`t` = share of `b`); falls back to `a` when one is not hex. */
export function mixColors(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  if (!x || !y) return a;
  return `#${x.map((v, i) => Math.round(v + (y[i] - v) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** A Power BI theme file that cannot be used; `problems` lists every issue found. */
export class ThemeError extends Error {
  constructor(public readonly problems: string[]) {
    super(`This theme file cannot be used:\n- ${problems.join('\n- ')}\nFix these entries (a Power BI theme is JSON with "dataColors": ["#118DFF", …] and optional "background", "foreground", "tableAccent" colours) and import it again.`);
    this.name = 'ThemeError';
  }
}

/**
 * Read a Power BI report theme (the JSON text or the parsed object) into ThemeTokens.
 * Used keys: `dataColors` (required, colours), `background`, `foreground`, `tableAccent` (optional colours).
 * Missing optional keys come from `base` (or DARK_THEME when the background is dark). Throws ThemeError.
 */
export function themeFromPowerBI(json: unknown, base?: ThemeTokens): ThemeTokens {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (e) {
      throw new ThemeError([`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ThemeError([`the theme must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`]);
  }
  const obj = value as Record<string, unknown>;
  const problems: string[] = [];
  const colors: string[] = [];
  if (!('dataColors' in obj)) problems.push('"dataColors" is missing (a list of colours such as ["#118DFF", "#12239E"])');
  else if (!Array.isArray(obj.dataColors)) problems.push('"dataColors" must be a list of colours');
  else if (obj.dataColors.length === 0) problems.push('"dataColors" is empty: give at least one colour');
  else {
    obj.dataColors.forEach((c, i) => {
      if (isColor(c)) colors.push(c.trim());
      else problems.push(`"dataColors"[${i}] is not a colour: ${JSON.stringify(c)}`);
    });
  }
  const optional = (key: 'background' | 'foreground' | 'tableAccent'): string | undefined => {
    if (!(key in obj) || obj[key] === undefined) return undefined;
    if (isColor(obj[key])) return (obj[key] as string).trim();
    problems.push(`"${key}" is not a colour: ${JSON.stringify(obj[key])}`);
    return undefined;
  };
  const background = optional('background');
  const foreground = optional('foreground');
  const tableAccent = optional('tableAccent');
  if (problems.length > 0) throw new ThemeError(problems);
  const start = base ?? (background && luminance(background) < 0.4 ? DARK_THEME : LIGHT_THEME);
  const bg = background ?? start.background;
  const fg = foreground ?? (background ? (luminance(bg) < 0.4 ? DARK_THEME.foreground : LIGHT_THEME.foreground) : start.foreground);
  return {
    dataColors: colors,
    background: bg,
    foreground: fg,
    gridColor: background || foreground ? mixColors(bg, fg, 0.15) : start.gridColor,
    fontFamily: start.fontFamily,
    tableAccent: tableAccent ?? colors[0] ?? start.tableAccent,
  };
}

/** Vega-Lite `config` for a theme (works as a Vega config for the parts Vega shares). */
export function themeConfig(theme: ThemeTokens): Record<string, unknown> {
  const text = { font: theme.fontFamily };
  const axisMuted = mixColors(theme.foreground, theme.background, 0.35);
  return {
    background: theme.background,
    font: theme.fontFamily,
    view: { stroke: null },
    padding: 4,
    axis: {
      labelColor: axisMuted,
      titleColor: theme.foreground,
      gridColor: theme.gridColor,
      domainColor: theme.gridColor,
      tickColor: theme.gridColor,
      labelFont: theme.fontFamily,
      titleFont: theme.fontFamily,
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      labelOverlap: true,
    },
    axisBand: { ticks: false, domain: false, labelPadding: 4 },
    legend: {
      labelColor: theme.foreground,
      titleColor: theme.foreground,
      labelFont: theme.fontFamily,
      titleFont: theme.fontFamily,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'bold',
      symbolType: 'circle',
      orient: 'top',
      direction: 'horizontal',
    },
    title: { color: theme.foreground, font: theme.fontFamily, fontSize: 14, fontWeight: 'normal', anchor: 'start', offset: 8 },
    header: { labelColor: theme.foreground, titleColor: theme.foreground, labelFont: theme.fontFamily, titleFont: theme.fontFamily },
    range: { category: theme.dataColors },
    text: { ...text, color: theme.foreground, fontSize: 11 },
    arc: { stroke: theme.background, strokeWidth: 1 },
    rect: { stroke: null },
    geoshape: { stroke: theme.background, strokeWidth: 0.5 },
  };
}
