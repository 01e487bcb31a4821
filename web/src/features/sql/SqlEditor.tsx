import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useSqlLabStore } from './sql-store';

/** A plain textarea with a line-number gutter. Ctrl+Enter / ⌘+Enter runs. */
export function SqlEditor({ onRun }: { onRun(): void }): ReactNode {
  const text = useSqlLabStore((state) => state.text);
  const focusToken = useSqlLabStore((state) => state.focusToken);
  const setText = useSqlLabStore((state) => state.setText);
  const setSelection = useSqlLabStore((state) => state.setSelection);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);
  const lineCount = Math.max(1, text.split('\n').length);

  // Focus + selection requests (error position, inserted table name, loaded history entry).
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea || focusToken === 0) return;
    const { selection } = useSqlLabStore.getState();
    textarea.focus();
    textarea.setSelectionRange(selection.start, selection.end);
  }, [focusToken]);

  useEffect(() => {
    if (gutterRef.current && textareaRef.current) gutterRef.current.scrollTop = textareaRef.current.scrollTop;
  }, [text]);

  const remember = (): void => {
    const textarea = textareaRef.current;
    if (textarea) setSelection({ start: textarea.selectionStart, end: textarea.selectionEnd });
  };

  return (
    <div className="sql-editor">
      <div className="sql-editor__gutter" ref={gutterRef} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, index) => (
          <div key={index}>{index + 1}</div>
        ))}
      </div>
      <textarea
        ref={textareaRef}
        className="sql-editor__text"
        aria-label="SQL editor"
        placeholder="SELECT * FROM my_table LIMIT 100   — Ctrl+Enter runs (the selection, if any)"
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        onChange={(event) => setText(event.target.value, { start: event.target.selectionStart, end: event.target.selectionEnd })}
        onSelect={remember}
        onKeyUp={remember}
        onMouseUp={remember}
        onScroll={(event) => {
          if (gutterRef.current) gutterRef.current.scrollTop = event.currentTarget.scrollTop;
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            remember();
            onRun();
          }
        }}
      />
    </div>
  );
}
