export {
  BLANK,
  NUMBER_UNITS,
  currencySymbol,
  d3Specifier,
  formatNumber,
  numberFormatExpr,
  type NumberFormatOptions,
  type NumberUnits,
} from './number-format';
export { drillKeyExpr, formatDrillKey, formatValue, valueFormatExpr, type DrillLevel, type FormatField } from './value-format';
