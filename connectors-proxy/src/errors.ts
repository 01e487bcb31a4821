export type ConnectorErrorCode =
  | 'invalid_config'
  | 'invalid_url'
  | 'blocked_address'
  | 'unreachable'
  | 'http_error'
  | 'invalid_data'
  | 'unknown_stream';

/** A failure a connector user can act on: the message says what happened and what to do. */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
  /** The upstream HTTP status, for `http_error`. */
  readonly status?: number;
}
