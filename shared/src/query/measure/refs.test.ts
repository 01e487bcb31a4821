import { describe, expect, it } from 'vitest';
import { bracketed, measureRefs, refersToMeasure, renameMeasureRefs } from './refs';

describe('measure references', () => {
  it('lists [Name] references, never bracketed columns', () => {
    expect(measureRefs('[Total] / COUNTROWS(Sales) + DIVIDE([Margin ]]x], SUM([amount])) - SUM(Sales[Total])')).toEqual(['Total', 'Margin ]x']);
    expect(measureRefs('SUM(')).toEqual([]);
    expect(refersToMeasure('1 + [total]', 'Total')).toBe(true);
    expect(refersToMeasure('SUM([Total])', 'Total')).toBe(false);
  });

  it('renames references (case-insensitive), keeping the rest of the text as written', () => {
    expect(renameMeasureRefs('[Total]*2 + [TOTAL] - SUM(Sales[Total]) + SUM([Total])', 'Total', 'Revenue')).toBe('[Revenue]*2 + [Revenue] - SUM(Sales[Total]) + SUM([Total])');
    expect(renameMeasureRefs('DIVIDE( [A]]b] , 2 )', 'A]b', 'C]]d')).toBe(`DIVIDE( ${bracketed('C]]d')} , 2 )`);
    expect(renameMeasureRefs('DIVIDE( [A]]b] , 2 )', 'A]b', 'C]]d')).toBe('DIVIDE( [C]]]]d] , 2 )');
    // nothing to rename, or an expression that does not parse: unchanged
    expect(renameMeasureRefs('[Other] + 1', 'Total', 'Revenue')).toBe('[Other] + 1');
    expect(renameMeasureRefs('[Total] +', 'Total', 'Revenue')).toBe('[Total] +');
  });
});
