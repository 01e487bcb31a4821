import { z } from 'zod';

const Name = z.string({ error: 'name is required' }).trim().min(1, 'name must not be empty').max(200, 'the name is too long (max 200 characters)');

/** Ids the client may choose (a local workbook keeps its id): letters, digits, `_` and `-`. */
export const ResourceIdSchema = z
  .string()
  .min(1, 'the id must not be empty')
  .max(64, 'the id is too long (max 64 characters)')
  .regex(/^[A-Za-z0-9_-]+$/, 'the id may only hold letters, digits, _ and -');

export const CreateWorkbookRequestSchema = z.object({ id: ResourceIdSchema.optional(), name: Name });
export type CreateWorkbookRequest = z.input<typeof CreateWorkbookRequestSchema>;

export const RenameWorkbookRequestSchema = z.object({ name: Name });
export type RenameWorkbookRequest = z.input<typeof RenameWorkbookRequestSchema>;

export const WorkbookSchema = z.object({ id: z.string(), name: z.string() });
export const WorkbookSummarySchema = z.object({ id: z.string(), name: z.string(), updatedAt: z.string() });
export type WorkbookSummary = z.infer<typeof WorkbookSummarySchema>;
export const WorkbookListSchema = z.array(WorkbookSummarySchema);

export const CreateVersionRequestSchema = z.object({ name: Name });
export type CreateVersionRequest = z.input<typeof CreateVersionRequestSchema>;

export const VersionSummarySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export const VersionListSchema = z.array(VersionSummarySchema);

/** Answer of `PUT /api/workbooks/:wb/datasets/:ds/:version`. */
export const DatasetBlobSchema = z.object({ workbookId: z.string(), datasetId: z.string(), version: z.string(), size: z.number() });
export type DatasetBlob = z.infer<typeof DatasetBlobSchema>;
