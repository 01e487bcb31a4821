/**
 * What is wrong with a calculated column being written in the editor, checked on every keystroke: its name (given,
 * free among its table's columns), its table, and its expression — parsed and compiled against the workbook's model
 * with the draft in place of the column it edits, so unknown columns, a missing relationship for RELATED, values of
 * mixed types and circular references are caught before saving, each at its position in the expression.
 */
import { compileCalculatedColumn, modelContext, type CalculatedColumn, type CompiledColumn, type ModelContext } from '@tessera/shared';
import { expressionCheck, type MeasureProblem, type ModelParts } from './measure-check';

export interface ColumnDraft {
  /** The column being edited; absent for a new one. */
  id?: string;
  name: string;
  datasetId: string;
  expression: string;
}

export type ColumnProblem = MeasureProblem;

export interface ColumnModel extends ModelParts {
  calculatedColumns: CalculatedColumn[];
}

const DRAFT_ID = '__draft__';
const nameKey = (name: string): string => name.trim().toLocaleLowerCase();

/** The draft as a record, and the model with it in place of the column it edits. */
export function draftModel(model: ColumnModel, draft: ColumnDraft): { calc: CalculatedColumn; ctx: ModelContext } {
  const id = draft.id ?? DRAFT_ID;
  const calc: CalculatedColumn = { id, datasetId: draft.datasetId, name: draft.name.trim() || 'New column', expression: draft.expression };
  const others = model.calculatedColumns.filter((c) => c.id !== id);
  return { calc, ctx: modelContext(model.datasets, model.relationships, model.measures, [...others, calc]) };
}

/** The problems of a draft. A new name is fine even while the column is used: saving carries it into every use. */
export function columnProblems(model: ColumnModel, draft: ColumnDraft): ColumnProblem[] {
  const problems: ColumnProblem[] = [];
  const name = draft.name.trim();
  const dataset = model.datasets.find((d) => d.id === draft.datasetId);
  const taken = [...(dataset?.columns.map((c) => c.name) ?? []), ...model.calculatedColumns.filter((c) => c.datasetId === draft.datasetId && c.id !== draft.id).map((c) => c.name)];
  if (name === '') problems.push({ field: 'name', message: 'Give the column a name.' });
  else if (taken.some((t) => nameKey(t) === nameKey(name))) problems.push({ field: 'name', message: `${dataset?.name ?? 'The table'} already has a column named “${name}”. Choose another name.` });
  if (!dataset) problems.push({ field: 'datasetId', message: 'Choose the table the column belongs to.' });
  else {
    const { calc, ctx } = draftModel(model, draft);
    const expression = expressionCheck(draft.expression, () => compileCalculatedColumn(ctx, calc));
    if (expression) problems.push(expression);
  }
  return problems;
}

/** The compiled draft (its inferred type and kind), or undefined while it has an error. */
export function compiledDraft(model: ColumnModel, draft: ColumnDraft): CompiledColumn | undefined {
  const { calc, ctx } = draftModel(model, draft);
  try {
    return compileCalculatedColumn(ctx, calc);
  } catch {
    return undefined;
  }
}
