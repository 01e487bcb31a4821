/** Texts of the Home view. */

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** “just now”, “5 minutes ago”, “yesterday”, or the date for older edits; “unknown” when never recorded. */
export function lastModifiedText(updatedAt: number, now: number): string {
  if (!updatedAt) return 'unknown';
  const seconds = Math.round((updatedAt - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return relative.format(days, 'day');
  return new Date(updatedAt).toLocaleDateString();
}

/** “Untitled workbook”, else the first free “Untitled workbook N”. */
export function nextUntitledName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}
