/** SQL shapes the expression languages share (both compile to the query AST). */
import { bin, cast, fn, isNull, lit, or, type Expr } from '../ast';

/** DIVIDE(a, b [, alternate]) as DAX: a / b, or the alternate (BLANK when absent) where b is zero or blank. */
export function divideExpr(numerator: Expr, denominator: Expr, alternate?: Expr): Expr {
  return {
    type: 'case',
    whens: [{ when: or(isNull(denominator), bin('=', denominator, lit(0))), then: alternate ? cast(alternate, 'DOUBLE') : lit(null) }],
    else: bin('/', cast(numerator, 'DOUBLE'), denominator),
  };
}

/** a / b as a DOUBLE that is BLANK (NULL) where b is zero, so one row never fails a whole visual. */
export const nullSafeDivide = (numerator: Expr, denominator: Expr): Expr => bin('/', cast(numerator, 'DOUBLE'), fn('NULLIF', cast(denominator, 'DOUBLE'), lit(0)));
