/**
 * Saving and opening files: the File System Access API where the browser has it (Save writes back
 * to the same file handle), a download / an <input type=file> elsewhere.
 */

export interface SaveFileType {
  description: string;
  mime: string;
  extension: string;
}

interface PickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle>;
  showOpenFilePicker?: (options: {
    multiple?: boolean;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle[]>;
}

const pickers = (): PickerWindow => window as unknown as PickerWindow;

export function canSaveToHandle(): boolean {
  return typeof pickers().showSaveFilePicker === 'function';
}

/** The user closed a picker without choosing: not an error. */
export function isPickerAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function writeToHandle(handle: FileSystemFileHandle, data: Blob): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(data);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

/** Lets the user choose where to save (picker) or downloads the file; returns the handle when there is one. */
export async function saveWithPicker(data: Blob, suggestedName: string, type: SaveFileType): Promise<FileSystemFileHandle | undefined> {
  const picker = pickers().showSaveFilePicker;
  if (!picker) {
    downloadBlob(data, suggestedName);
    return undefined;
  }
  const handle = await picker({ suggestedName, types: [{ description: type.description, accept: { [type.mime]: [type.extension] } }] });
  await writeToHandle(handle, data);
  return handle;
}

export function downloadBlob(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Lets the user choose a file; undefined when they cancel. */
export async function chooseFile(type: SaveFileType): Promise<{ file: File; handle?: FileSystemFileHandle } | undefined> {
  const picker = pickers().showOpenFilePicker;
  if (picker) {
    try {
      const [handle] = await picker({ types: [{ description: type.description, accept: { [type.mime]: [type.extension] } }] });
      return handle ? { file: await handle.getFile(), handle } : undefined;
    } catch (error) {
      if (isPickerAbort(error)) return undefined;
      throw error;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = type.extension;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { file } : undefined);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(undefined);
    });
    document.body.append(input);
    input.click();
  });
}

/** A name usable as a file name on every OS. */
export function safeFileName(name: string, fallback = 'workbook'): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned.slice(0, 120) || fallback;
}
