import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { MeResponse } from '@tessera/shared';
import { requireUser } from '../auth/middleware';
import { members, workspaces } from '../db/schema';
import type { Services } from '../services';

/** `GET /api/me` → `{ user, workspaces: [{ id, name, role }] }`. */
export function meRoutes(services: Services) {
  return new Hono().get('/', requireUser(services), async (c) => {
    const rows = await services.handle.db
      .select({ id: workspaces.id, name: workspaces.name, role: members.role })
      .from(members)
      .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
      .where(eq(members.userId, c.var.user.id))
      .orderBy(asc(workspaces.createdAt), asc(workspaces.id));
    return c.json({ user: c.var.user, workspaces: rows } satisfies MeResponse);
  });
}
