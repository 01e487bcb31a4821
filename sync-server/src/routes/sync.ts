import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { WSContext } from 'hono/ws';
import { SYNC_CLOSE } from '@tessera/shared';
import { workbookAccess } from '../access';
import { errorBody } from '../errors';
import type { Services } from '../services';
import type { Room, SyncConnection } from '../sync/room';

type Socket = WSContext<unknown>;

const MAX_TIMER_MS = 2 ** 31 - 1;

const toBytes = (data: unknown): Uint8Array | undefined =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : undefined;

/**
 * `GET /sync/:wb?token=ACCESS_TOKEN`: the y-websocket wire protocol. The token and the role are
 * checked on upgrade; a bad token closes with 4401, no access with 4403. An open socket is closed
 * with 4401 when its token expires (the client refreshes and reconnects), so a socket never outlives
 * the session that opened it. The token is never logged.
 */
export function syncRoutes(services: Services) {
  const { hub } = services;
  return new Hono()
    .get('/:wb', async (c, next) => {
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        return c.json(errorBody('upgrade_required', 'This address speaks the y-websocket protocol: open it as a WebSocket.'), 426);
      }
      await next();
    })
    .get(
      '/:wb',
      upgradeWebSocket(async (c) => {
        const workbookId = c.req.param('wb') ?? '';
        const claims = await services.tokens.verify(c.req.query('token') ?? '');
        const access = claims ? await workbookAccess(services.handle.db, workbookId, claims.userId) : undefined;
        const refuse = (code: number, reason: string) => ({ onOpen: (_event: Event, ws: Socket) => ws.close(code, reason) });
        if (!claims) return refuse(SYNC_CLOSE.unauthorized, 'Your session token is missing, invalid or expired: refresh it and reconnect.');
        if (!access) return refuse(SYNC_CLOSE.forbidden, 'No such workbook, or you have no access to it.');

        let closed = false;
        let expiry: ReturnType<typeof setTimeout> | undefined;
        let room: Room | undefined;
        const queue: Uint8Array[] = [];
        let connection: SyncConnection | undefined;
        return {
          onOpen: (_event: Event, ws: Socket) => {
            const closeWhenExpired = (): boolean => {
              const left = claims.expiresAt - Date.now();
              if (left <= 0) {
                ws.close(SYNC_CLOSE.unauthorized, 'Your session token expired: refresh it and reconnect.');
                return true;
              }
              // setTimeout cannot wait longer than 2^31-1 ms: a longer lifetime waits in steps
              expiry = setTimeout(closeWhenExpired, Math.min(left, MAX_TIMER_MS));
              return false;
            };
            if (closeWhenExpired()) return;
            connection = {
              userId: claims.userId,
              workspaceId: access.workbook.workspaceId,
              role: access.role,
              send: (message) => {
                if (ws.readyState === 1) ws.send(message as Uint8Array<ArrayBuffer>);
              },
              close: (code, reason) => ws.close(code, reason),
            };
            const opened = connection;
            hub.connect(workbookId, opened).then(
              (ready) => {
                if (closed) {
                  hub.disconnect(ready, opened);
                  return;
                }
                room = ready;
                for (const message of queue.splice(0)) hub.handleMessage(ready, opened, message);
              },
              (error: unknown) => {
                console.error(`[tessera] sync: could not open workbook ${workbookId}:`, error instanceof Error ? error.message : error);
                ws.close(1011, 'The server could not open this workbook. Try again later.');
              },
            );
          },
          onMessage: (event: MessageEvent, ws: Socket) => {
            const bytes = toBytes(event.data);
            if (!bytes) {
              ws.close(1003, 'Only binary y-websocket messages are accepted.');
              return;
            }
            if (room && connection) hub.handleMessage(room, connection, bytes);
            else queue.push(bytes);
          },
          onClose: () => {
            closed = true;
            clearTimeout(expiry);
            if (room && connection) hub.disconnect(room, connection);
          },
        };
      }),
    );
}
