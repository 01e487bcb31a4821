/** A failed write to the browser's storage, with a message the user can act on. */
export class StorageError extends Error {
  constructor(
    message: string,
    /** 'quota' when the browser refused for lack of space */
    public readonly reason: 'quota' | 'write' | 'read',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export const QUOTA_MESSAGE =
  "Your browser's storage for Tessera is full. Free space by deleting datasets or workbooks, then import again. Nothing already saved was lost.";

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const { name, message } = error as { name: string; message: string };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(message);
}

/** Any failure during a save → StorageError (quota gets its own message). */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError(QUOTA_MESSAGE, 'quota', { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(
    `Tessera could not save the dataset in your browser's storage (${detail}). Try the import again; if it keeps failing, free some space or reload the page. Nothing already saved was lost.`,
    'write',
    { cause: error },
  );
}
