import type * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, parseInput, transactLocal } from './command-kit';
import { metaMap } from './layout';

function requireMeta(doc: Y.Doc, cmd: string): Y.Map<unknown> {
  const meta = metaMap(doc);
  if (meta.size === 0) throw new CommandError(cmd, `${cmd}: the workbook is not initialised yet. Create or load the workbook first.`);
  return meta;
}

export function renameWorkbook(doc: Y.Doc, name: string): void {
  const cmd = 'renameWorkbook';
  const p = parseInput(cmd, z.object({ name: z.string().trim().min(1, 'the workbook name must not be empty').max(200, 'the name is too long (max 200 characters)') }), { name });
  const meta = requireMeta(doc, cmd);
  transactLocal(doc, cmd, () => meta.set('name', p.name));
}

export function setWorkbookTheme(doc: Y.Doc, theme: string): void {
  const cmd = 'setWorkbookTheme';
  const p = parseInput(cmd, z.object({ theme: z.string().trim().min(1, 'the theme must not be empty') }), { theme });
  const meta = requireMeta(doc, cmd);
  transactLocal(doc, cmd, () => meta.set('theme', p.theme));
}
