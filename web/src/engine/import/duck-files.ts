/** Files the import registers with DuckDB's virtual file system, always dropped again. */
import { DuckDBDataProtocol, type AsyncDuckDB } from '@duckdb/duckdb-wasm';

let counter = 0;

/** A name no other import (or tab's earlier import) uses. */
export function tempFileName(ext: string): string {
  counter++;
  const random = Math.random().toString(36).slice(2, 10);
  return `tessera_import_${Date.now().toString(36)}_${random}_${counter}.${ext}`;
}

/**
 * The browser worker reads a registered Blob/File lazily (no copy of big files into wasm memory);
 * DuckDB's Node worker (unit tests, benchmarks in Node) cannot, so there the bytes are copied in.
 */
export function canRegisterFileHandles(): boolean {
  return typeof document !== 'undefined';
}

export class DuckFiles {
  private readonly names: string[] = [];

  constructor(private readonly db: AsyncDuckDB) {}

  async register(blob: Blob, ext: string): Promise<string> {
    const name = tempFileName(ext);
    this.names.push(name);
    if (canRegisterFileHandles()) {
      await this.db.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    } else {
      await this.db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
    }
    return name;
  }

  /** Drops one file now (a piece already staged). */
  async drop(name: string): Promise<void> {
    const index = this.names.indexOf(name);
    if (index >= 0) this.names.splice(index, 1);
    await this.db.dropFile(name).catch(() => undefined);
  }

  async dropAll(): Promise<void> {
    for (const name of this.names.splice(0)) await this.db.dropFile(name).catch(() => undefined);
  }
}
