/** y-websocket wire format (message type = first varint of each binary message). */
export const SYNC_MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3 } as const;

/** WebSocket close codes of `GET /sync/:wb` (DESIGN §5.1). */
export const SYNC_CLOSE = {
  /** Bad, missing or expired access token: refresh it, then reconnect. */
  unauthorized: 4401,
  /** No access to the workbook, or a viewer tried to write. */
  forbidden: 4403,
  /** The workbook was deleted. */
  notFound: 4404,
  /** Too many messages: slow down. */
  rateLimited: 4429,
  /** The user's role changed: reconnect to continue with the new role. */
  roleChanged: 4001,
} as const;
