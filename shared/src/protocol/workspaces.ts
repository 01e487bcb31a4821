import { z } from 'zod';
import { UserSchema } from './auth';

export const ROLES = ['owner', 'editor', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES, { error: 'role must be one of owner, editor, viewer' });
export type Role = z.infer<typeof RoleSchema>;

/** Rank for "at least this role" checks: viewer < editor < owner. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

const Name = z.string({ error: 'name is required' }).trim().min(1, 'name must not be empty').max(200, 'the name is too long (max 200 characters)');

export const CreateWorkspaceRequestSchema = z.object({ name: Name });
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequestSchema>;

export const WorkspaceSummarySchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;

export const MeResponseSchema = z.object({ user: UserSchema, workspaces: z.array(WorkspaceSummarySchema) });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const MemberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: RoleSchema });
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.array(MemberSchema);

export const PutMemberRequestSchema = z.object({
  email: z.string({ error: 'email is required' }).trim().toLowerCase().pipe(z.email({ error: 'email must be an email address' })),
  role: RoleSchema,
});
export type PutMemberRequest = z.input<typeof PutMemberRequestSchema>;
