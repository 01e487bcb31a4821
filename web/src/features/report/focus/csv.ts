/** RFC 4180 CSV of result rows: the field labels as the header, raw values (numbers unformatted, blanks empty). */
import type { ResultField } from '@tessera/shared';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsToCsv(fields: readonly ResultField[], rows: readonly Record<string, unknown>[]): string {
  const lines = [fields.map((f) => cell(f.label)).join(',')];
  for (const row of rows) lines.push(fields.map((f) => cell(row[f.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name from a visual title ("Sum of quantity by region" → "Sum of quantity by region.csv"). */
export function csvFileName(title: string): string {
  const printable = [...title].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${base || 'data'}.csv`;
}
