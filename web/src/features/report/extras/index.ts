import './extras.css';

export { SortMenu } from './SortMenu';
export { RenameField } from './RenameField';
export { CustomSpecLayer, EditSpecButton } from './CustomSpecDialog';
export { VisualExtrasPanel } from './VisualExtrasPanel';
export { DuplicatePageButton } from './DuplicatePageButton';
export { customSpecOf } from './custom-spec';
export { mapKindOf, useTopology } from './topology';
export { specTableRows } from './table-rows';
