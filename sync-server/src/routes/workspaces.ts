import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  CreateWorkbookRequestSchema,
  CreateWorkspaceRequestSchema,
  PutMemberRequestSchema,
  SYNC_CLOSE,
  type Member,
  type WorkbookSummary,
  type WorkspaceSummary,
} from '@tessera/shared';
import { isUuid, requireWorkspaceRole } from '../access';
import { requireUser } from '../auth/middleware';
import { members, users, workbooks, workspaces } from '../db/schema';
import { ApiError } from '../errors';
import type { Services } from '../services';
import { readJson } from './read-json';

/** `/api/workspaces`: create, members (list / add-or-change / remove), workbooks (create / list). */
export function workspaceRoutes(services: Services) {
  const { db } = services.handle;

  const otherOwners = async (workspaceId: string, userId: string) =>
    db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'owner'), ne(members.userId, userId)))
      .limit(1);

  return new Hono()
    .use(requireUser(services))
    .post('/', async (c) => {
      const { name } = await readJson(c, CreateWorkspaceRequestSchema);
      const workspace = await db.transaction(async (tx) => {
        const [created] = await tx.insert(workspaces).values({ name }).returning({ id: workspaces.id, name: workspaces.name });
        await tx.insert(members).values({ workspaceId: created.id, userId: c.var.user.id, role: 'owner' });
        return created;
      });
      return c.json({ ...workspace, role: 'owner' } satisfies WorkspaceSummary, 201);
    })
    .get('/:ws/members', async (c) => {
      const workspaceId = c.req.param('ws');
      await requireWorkspaceRole(db, workspaceId, c.var.user.id, 'viewer');
      const rows = await db
        .select({ userId: members.userId, email: users.email, name: users.name, role: members.role })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(members.workspaceId, workspaceId))
        .orderBy(asc(members.createdAt), asc(users.email));
      return c.json(rows satisfies Member[]);
    })
    .put('/:ws/members', async (c) => {
      const workspaceId = c.req.param('ws');
      await requireWorkspaceRole(db, workspaceId, c.var.user.id, 'owner');
      const input = await readJson(c, PutMemberRequestSchema);
      const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, input.email));
      if (!user) throw new ApiError(404, 'user_not_found', `No account uses ${input.email}. Ask them to register first, then add them again.`);
      const [existing] = await db
        .select({ role: members.role })
        .from(members)
        .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, user.id)));
      if (existing?.role === 'owner' && input.role !== 'owner' && (await otherOwners(workspaceId, user.id)).length === 0) {
        throw new ApiError(409, 'last_owner', 'A workspace needs at least one owner: make someone else an owner first.');
      }
      await db
        .insert(members)
        .values({ workspaceId, userId: user.id, role: input.role })
        .onConflictDoUpdate({ target: [members.workspaceId, members.userId], set: { role: input.role } });
      if (existing && existing.role !== input.role) {
        await services.hub.closeUserSockets(workspaceId, user.id, SYNC_CLOSE.roleChanged, `Your role changed to ${input.role}: reconnect to continue.`);
      }
      return c.json({ userId: user.id, email: user.email, name: user.name, role: input.role } satisfies Member, 200);
    })
    .delete('/:ws/members/:userId', async (c) => {
      const workspaceId = c.req.param('ws');
      const userId = c.req.param('userId');
      await requireWorkspaceRole(db, workspaceId, c.var.user.id, 'owner');
      const notMember = new ApiError(404, 'not_found', 'This user is not a member of the workspace.');
      if (!isUuid(userId)) throw notMember;
      const [existing] = await db
        .select({ role: members.role })
        .from(members)
        .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
      if (!existing) throw notMember;
      if (existing.role === 'owner' && (await otherOwners(workspaceId, userId)).length === 0) {
        throw new ApiError(409, 'last_owner', 'A workspace needs at least one owner: make someone else an owner first.');
      }
      await db.delete(members).where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
      await services.hub.closeUserSockets(workspaceId, userId, SYNC_CLOSE.forbidden, 'You were removed from this workspace.');
      return c.body(null, 204);
    })
    .post('/:ws/workbooks', async (c) => {
      const workspaceId = c.req.param('ws');
      await requireWorkspaceRole(db, workspaceId, c.var.user.id, 'editor');
      const input = await readJson(c, CreateWorkbookRequestSchema);
      const [created] = await db
        .insert(workbooks)
        .values({ id: input.id ?? randomUUID(), workspaceId, name: input.name })
        .onConflictDoNothing({ target: workbooks.id })
        .returning({ id: workbooks.id, name: workbooks.name });
      if (!created) throw new ApiError(409, 'workbook_exists', `A workbook with id ${input.id} already exists on the server.`);
      return c.json(created, 201);
    })
    .get('/:ws/workbooks', async (c) => {
      const workspaceId = c.req.param('ws');
      await requireWorkspaceRole(db, workspaceId, c.var.user.id, 'viewer');
      const rows = await db
        .select({ id: workbooks.id, name: workbooks.name, updatedAt: workbooks.updatedAt })
        .from(workbooks)
        .where(eq(workbooks.workspaceId, workspaceId))
        .orderBy(desc(workbooks.updatedAt), asc(workbooks.id));
      return c.json(rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })) satisfies WorkbookSummary[]);
    });
}
