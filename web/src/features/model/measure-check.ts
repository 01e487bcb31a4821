/**
 * What is wrong with a measure being written in the editor, checked on every keystroke: its name (given, not taken by
 * another measure), its home table, and its expression — parsed and compiled against the workbook's model with the
 * draft in place of the measure it edits, so unknown tables, columns, measures and circular references are caught
 * before saving, each with the position of the problem in the expression.
 */
import { ExpressionError, compileMeasure, modelContext, type CalculatedColumn, type DatasetEntry, type Measure, type Relationship } from '@tessera/shared';

export { lineAndColumn } from '@tessera/shared';

export interface MeasureDraft {
  /** The measure being edited; absent for a new one. */
  id?: string;
  name: string;
  datasetId: string;
  expression: string;
}

export type MeasureProblem =
  | { field: 'name' | 'datasetId'; message: string }
  /** `position`/`length`: the part of the expression at fault (0-based). */
  | { field: 'expression'; message: string; position: number; length: number };

export interface ModelParts {
  datasets: DatasetEntry[];
  relationships: Relationship[];
  measures: Measure[];
  /** The calculated columns (a measure may aggregate one like any column). */
  calculatedColumns?: CalculatedColumn[];
}

const DRAFT_ID = '__draft__';
const nameKey = (name: string): string => name.trim().toLocaleLowerCase();

export function measureProblems(model: ModelParts, draft: MeasureDraft): MeasureProblem[] {
  const problems: MeasureProblem[] = [];
  const name = draft.name.trim();
  if (name === '') problems.push({ field: 'name', message: 'Give the measure a name.' });
  else if (model.measures.some((m) => m.id !== draft.id && nameKey(m.name) === nameKey(name))) {
    problems.push({ field: 'name', message: `A measure named “${name}” already exists. Choose another name.` });
  }
  if (!model.datasets.some((d) => d.id === draft.datasetId)) problems.push({ field: 'datasetId', message: 'Choose the table the measure belongs to.' });
  const expression = expressionProblem(model, draft);
  if (expression) problems.push(expression);
  return problems;
}

function expressionProblem(model: ModelParts, draft: MeasureDraft): MeasureProblem | undefined {
  const id = draft.id ?? DRAFT_ID;
  const measure: Measure = { id, name: draft.name.trim() || 'New measure', datasetId: draft.datasetId, expression: draft.expression, format: '' };
  const others = model.measures.filter((m) => m.id !== id);
  return expressionCheck(draft.expression, () => compileMeasure(modelContext(model.datasets, model.relationships, [...others, measure], model.calculatedColumns), measure));
}

/** Runs `check` on an expression (measure or calculated column): its error as a problem at its place, or undefined. */
export function expressionCheck(expression: string, check: () => unknown): Extract<MeasureProblem, { field: 'expression' }> | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof ExpressionError)) return { field: 'expression', message: `The expression cannot be checked: ${error instanceof Error ? error.message : String(error)}`, position: 0, length: 1 };
    const position = Math.max(0, Math.min(error.position, expression.length));
    return { field: 'expression', message: error.message, position, length: Math.max(1, error.length) };
  }
}
