/** react-dnd item types and payloads of the report designer. */
import { type FieldRef, type VisualType } from '@tessera/shared';
import type { ColumnKind } from './field-kinds';

export const DND = {
  visualType: 'tessera/visual-type',
  field: 'tessera/field',
  wellField: 'tessera/well-field',
  pageTab: 'tessera/page-tab',
} as const;

export interface VisualTypeItem {
  type: VisualType;
}

/** A field dragged from the Fields pane. */
export interface FieldItem {
  field: FieldRef;
  kind: ColumnKind | 'measure';
}

/** A field dragged out of a well (to reorder it, or move it to another well). */
export interface WellFieldItem extends FieldItem {
  visualId: string;
  role: string;
  index: number;
}

export interface PageTabItem {
  pageId: string;
  index: number;
}
