/**
 * The expression box of the Model view's editors (measures, calculated columns): a textarea; under it the problem
 * with its line and column and the faulty part marked, or else the help.
 */
import { useId, type ReactNode } from 'react';
import { lineAndColumn, type MeasureProblem } from './measure-check';

export type ExpressionProblem = Extract<MeasureProblem, { field: 'expression' }>;

/** The expression with the faulty part marked (an empty part at the end shows as a marked space). */
function MarkedExpression({ text, problem }: { text: string; problem: ExpressionProblem }): ReactNode {
  const end = Math.min(text.length, problem.position + problem.length);
  const bad = text.slice(problem.position, end);
  return (
    <pre className="measure-editor__marked" aria-hidden="true">
      {text.slice(0, problem.position)}
      <mark>{bad === '' ? '\u00a0' : bad}</mark>
      {text.slice(end)}
    </pre>
  );
}

export function ExpressionField({ value, placeholder, problem, help, onChange }: { value: string; placeholder: string; problem: ExpressionProblem | undefined; help: ReactNode; onChange: (value: string) => void }): ReactNode {
  const ids = useId();
  const where = problem ? lineAndColumn(value, problem.position) : undefined;
  return (
    <>
      <label className="measure-editor__expr">
        <span>Expression</span>
        <textarea
          aria-label="Expression"
          spellCheck={false}
          rows={5}
          value={value}
          placeholder={placeholder}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids}-expr` : `${ids}-help`}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {problem && where ? (
        <div className="measure-editor__problem">
          <MarkedExpression text={value} problem={problem} />
          <p className="measure-editor__error" id={`${ids}-expr`} role="alert">
            Line {where.line}, column {where.column}: {problem.message}
          </p>
        </div>
      ) : (
        <div className="muted measure-editor__help" id={`${ids}-help`}>
          {help}
        </div>
      )}
    </>
  );
}
