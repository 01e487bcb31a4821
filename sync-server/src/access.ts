import { and, eq } from 'drizzle-orm';
import { ROLE_RANK, type Role } from '@tessera/shared';
import type { Database } from './db';
import { members, workbooks } from './db/schema';
import { ApiError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

const describeRole = (role: Role) => (role === 'owner' ? 'an owner' : `an ${role} or owner`);

/** The user's role in the workspace, or undefined when not a member (or no such workspace). */
export async function workspaceRole(db: Database, workspaceId: string, userId: string): Promise<Role | undefined> {
  if (!isUuid(workspaceId)) return undefined;
  const [row] = await db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
  return row?.role;
}

/** 404 when the workspace is unknown or not visible to the user; 403 when their role is below `min`. */
export async function requireWorkspaceRole(db: Database, workspaceId: string, userId: string, min: Role): Promise<Role> {
  const role = await workspaceRole(db, workspaceId, userId);
  if (!role) throw new ApiError(404, 'not_found', 'No such workspace, or you are not a member of it.');
  if (ROLE_RANK[role] < ROLE_RANK[min]) {
    throw new ApiError(403, 'forbidden', `You are ${role === 'viewer' ? 'a viewer' : `an ${role}`} in this workspace; this needs ${describeRole(min)}.`);
  }
  return role;
}

export interface WorkbookAccess {
  workbook: typeof workbooks.$inferSelect;
  role: Role;
}

/** The workbook and the user's role on it, or undefined when it is unknown or not visible. */
export async function workbookAccess(db: Database, workbookId: string, userId: string): Promise<WorkbookAccess | undefined> {
  const [row] = await db
    .select({ workbook: workbooks, role: members.role })
    .from(workbooks)
    .innerJoin(members, and(eq(members.workspaceId, workbooks.workspaceId), eq(members.userId, userId)))
    .where(eq(workbooks.id, workbookId));
  return row;
}

export async function requireWorkbookRole(db: Database, workbookId: string, userId: string, min: Role): Promise<WorkbookAccess> {
  const access = await workbookAccess(db, workbookId, userId);
  if (!access) throw new ApiError(404, 'not_found', 'No such workbook, or you do not have access to it.');
  if (ROLE_RANK[access.role] < ROLE_RANK[min]) {
    throw new ApiError(403, 'forbidden', `You are ${access.role === 'viewer' ? 'a viewer' : `an ${access.role}`} on this workbook; this needs ${describeRole(min)}.`);
  }
  return access;
}
