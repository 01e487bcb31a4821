/**
 * Focus mode: one visual fills the canvas area, with "Back to report" (or Esc) to return. The
 * visual keeps working (cross-filter, tooltips, "Show data"); the canvas is not shown meanwhile.
 */
import type { Visual, WorkbookSnapshot } from '@tessera/shared';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { visualFrameStyle } from '../format/frame-style';
import { useChartTheme } from '../format/use-chart-theme';
import { VisualBody } from '../VisualBody';
import { useFocusStore } from './focus-store';
import { VisualHeaderActions } from './VisualHeaderActions';

export function FocusView({ visual, snapshot, label, heading }: { visual: Visual; snapshot: WorkbookSnapshot; label: string; heading: string }): ReactNode {
  const body = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });
  const theme = useChartTheme();
  const leave = useFocusStore((s) => s.leave);

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const measure = () => setBox({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    back.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open], [role="menu"]')) return;
      leave();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [leave]);

  return (
    <div className="focus" role="region" aria-label={`Focus mode: ${label}`}>
      <div className="focus__bar">
        <button ref={back} type="button" className="btn" onClick={leave}>
          <span aria-hidden="true">←</span> Back to report
        </button>
        <span className="focus__title">{heading}</span>
        <VisualHeaderActions visualId={visual.id} label={label} />
      </div>
      <div className="focus__frame" style={visualFrameStyle(visual.format, theme)}>
        <div className="focus__body" ref={body}>
          {box.width > 0 ? <VisualBody visual={visual} snapshot={snapshot} label={label} width={box.width} height={box.height} /> : null}
        </div>
      </div>
    </div>
  );
}
