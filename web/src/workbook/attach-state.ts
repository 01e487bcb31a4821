/** Per-dataset attach state (snapshot → DuckDB), an external store read with useSyncExternalStore. */
export type AttachState = 'loading' | 'ready' | 'missing' | 'error';

export interface AttachInfo {
  state: AttachState;
  /** for 'missing' and 'error': what happened and what to do */
  message?: string;
}

export class AttachStates {
  private readonly states = new Map<string, AttachInfo>();
  private readonly listeners = new Set<() => void>();

  get(id: string): AttachInfo | undefined {
    return this.states.get(id);
  }

  set(id: string, info: AttachInfo): void {
    const old = this.states.get(id);
    if (old && old.state === info.state && old.message === info.message) return;
    this.states.set(id, info);
    this.emit();
  }

  delete(id: string): void {
    if (this.states.delete(id)) this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
