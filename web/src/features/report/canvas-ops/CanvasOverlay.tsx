/** Drawn over the canvas: the marquee while it is dragged, and the alignment guides while visuals move. */
import type { ReactNode } from 'react';
import { useReportStore } from '../report-store';
import { useCanvasOps } from './canvas-ops-store';

export function CanvasOverlay({ scale }: { scale: number }): ReactNode {
  const marquee = useCanvasOps((s) => s.marquee);
  const guides = useCanvasOps((s) => s.guides);
  const moving = useReportStore((s) => s.drag !== null);
  return (
    <>
      {marquee ? (
        <div
          className="canvas-marquee"
          data-testid="marquee"
          aria-hidden="true"
          style={{ left: marquee.x * scale, top: marquee.y * scale, width: marquee.w * scale, height: marquee.h * scale }}
        />
      ) : null}
      {moving
        ? guides.map((g) => (
            <div
              key={`${g.orientation}${g.at}`}
              className={`canvas-guide canvas-guide--${g.orientation}`}
              data-testid="alignment-guide"
              aria-hidden="true"
              style={
                g.orientation === 'vertical'
                  ? { left: g.at * scale, top: g.from * scale, height: (g.to - g.from) * scale }
                  : { top: g.at * scale, left: g.from * scale, width: (g.to - g.from) * scale }
              }
            />
          ))
        : null}
    </>
  );
}
