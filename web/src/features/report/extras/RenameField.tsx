/**
 * "Rename for this visual" on a field of a well: a textbox whose value becomes the field's display
 * name in this visual only (`label` on the field ref). Enter or leaving the box applies it, Escape
 * cancels, an empty name goes back to the field's own name.
 */
import { bindField, unbindField, type FieldRef } from '@tessera/shared';
import { useState, type ReactNode } from 'react';
import { useEdit } from '../use-edit';

/** The ref with `name` as its display name (none when empty or equal to the default label). */
export function withDisplayName(ref: FieldRef, name: string, defaultLabel: string): FieldRef {
  const { label: _old, ...rest } = ref;
  const clean = name.trim();
  return clean === '' || clean === defaultLabel ? rest : { ...rest, label: clean.slice(0, 200) };
}

export function RenameField({ visualId, role, index, refr, name, defaultLabel }: { visualId: string; role: string; index: number; refr: FieldRef; name: string; defaultLabel: string }): ReactNode {
  const edit = useEdit();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');

  const commit = () => {
    setEditing(false);
    const next = withDisplayName(refr, value, defaultLabel);
    if ((next.label ?? null) === (refr.label ?? null)) return;
    edit((doc) => {
      unbindField(doc, visualId, role, index);
      bindField(doc, visualId, role, next, index);
    });
  };

  if (!editing)
    return (
      <button
        type="button"
        className="well__rename"
        aria-label={`Rename ${name} for this visual`}
        title="Rename for this visual"
        onClick={() => {
          setValue(refr.label ?? defaultLabel);
          setEditing(true);
        }}
      >
        <span aria-hidden="true">✎</span>
      </button>
    );
  return (
    <input
      className="well__rename-box"
      aria-label={`Display name of ${name} in this visual`}
      value={value}
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setEditing(false);
      }}
    />
  );
}
