export { buildSpec } from './build-spec';
export { parseCustomSpec } from './custom';
export { indexTopology, matchLocation, normaliseLocation, type GeoObject } from './geo-match';
export { GEO_KEY } from './map';
export { WATERFALL_KINDS } from './part-whole';
export {
  DARK_THEME, LIGHT_THEME, POWER_BI_COLORS, ThemeError, isColor, luminance, mixColors, themeConfig, themeFromPowerBI, type ThemeTokens,
} from './theme';
export { CustomSpecError, NON_CHART_TYPES, type BuiltSpec, type SpecInput } from './types';
export {
  DEFAULT_VISUAL_FORMAT, LEGEND_POSITIONS, readNumberFormat, readVisualFormat, type BorderFormat, type LegendPosition, type VisualFormat,
} from './visual-format';
