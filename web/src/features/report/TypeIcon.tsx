/** Small line icons of the visual types for the gallery (SVG: no font glyphs that may be missing). */
import type { ReactNode } from 'react';

const bars = (horizontal: boolean, stacked: boolean): ReactNode =>
  horizontal ? (
    <>
      <rect x="2" y="3" width={stacked ? 7 : 10} height="3" />
      {stacked ? <rect x="9" y="3" width="4" height="3" opacity="0.5" /> : null}
      <rect x="2" y="7.5" width={stacked ? 5 : 7} height="3" />
      {stacked ? <rect x="7" y="7.5" width="5" height="3" opacity="0.5" /> : null}
      <rect x="2" y="12" width="4" height="3" />
    </>
  ) : (
    <>
      <rect x="2.5" y={stacked ? 8 : 6} width="3" height={stacked ? 7 : 9} />
      {stacked ? <rect x="2.5" y="4" width="3" height="4" opacity="0.5" /> : null}
      <rect x="7" y={stacked ? 6 : 3} width="3" height={stacked ? 9 : 12} />
      {stacked ? <rect x="7" y="2" width="3" height="4" opacity="0.5" /> : null}
      <rect x="11.5" y="9" width="3" height="6" />
    </>
  );

const ICONS: Record<string, () => ReactNode> = {
  bar: () => bars(true, false),
  column: () => bars(false, false),
  stackedBar: () => bars(true, true),
  stackedColumn: () => bars(false, true),
  percentBar: () => bars(true, true),
  percentColumn: () => bars(false, true),
  histogram: () => (
    <>
      <rect x="2" y="9" width="3" height="6" />
      <rect x="5" y="4" width="3" height="11" />
      <rect x="8" y="6" width="3" height="9" />
      <rect x="11" y="11" width="3" height="4" />
    </>
  ),
  line: () => <polyline points="2,13 6,8 9,10 14,3" fill="none" strokeWidth="1.6" stroke="currentColor" />,
  area: () => <polygon points="2,15 2,11 6,7 9,9 14,4 14,15" />,
  stackedArea: () => (
    <>
      <polygon points="2,15 2,11 6,8 10,10 14,6 14,15" />
      <polygon points="2,11 6,5 10,7 14,2 14,6 10,10 6,8 2,11" opacity="0.5" />
    </>
  ),
  combo: () => (
    <>
      {bars(false, false)}
      <polyline points="2,6 7,3 12,7 15,4" fill="none" strokeWidth="1.4" stroke="currentColor" opacity="0.7" />
    </>
  ),
  pie: () => (
    <>
      <path d="M8 8V2a6 6 0 1 1-6 6z" />
      <path d="M7 7V1.1A6 6 0 0 0 1.1 7z" opacity="0.5" />
    </>
  ),
  donut: () => <circle cx="8" cy="8" r="5" fill="none" strokeWidth="3" stroke="currentColor" />,
  scatter: () => (
    <>
      <circle cx="4" cy="11" r="1.5" />
      <circle cx="7" cy="6" r="1.5" />
      <circle cx="10" cy="9" r="1.5" />
      <circle cx="13" cy="4" r="1.5" />
    </>
  ),
  table: () => <path d="M2 2h12v12H2zM3 5v3h4V5zm5 0v3h5V5zM3 9v4h4V9zm5 0v4h5V9z" fillRule="evenodd" />,
  matrix: () => <path d="M2 2h12v12H2zM3 3v2h2V3zm3 0v2h7V3zM3 6v7h2V6zm3 0v3h3V6zm4 0v3h3V6zm-4 4v3h3v-3zm4 0v3h3v-3z" fillRule="evenodd" />,
  card: () => (
    <>
      <path d="M1.5 4h13v8h-13z" fill="none" stroke="currentColor" />
      <text x="8" y="10.5" fontSize="6" textAnchor="middle">123</text>
    </>
  ),
  multiRowCard: () => (
    <>
      <rect x="2" y="3" width="1.5" height="3" />
      <rect x="5" y="4" width="9" height="1.4" />
      <rect x="2" y="9" width="1.5" height="3" />
      <rect x="5" y="10" width="9" height="1.4" />
    </>
  ),
  kpi: () => <path d="M8 2l6 10H2zM2 13.5h12V15H2z" />,
  slicer: () => <path d="M2 3h4v4H2zm1 1v2h2V4zm4.5.5H14v1H7.5zM2 9h4v4H2zm1 1l1 1 1.5-2 .8.6L4 12 2.3 10.6zM7.5 10.5H14v1H7.5z" fillRule="evenodd" />,
  heatmap: () => (
    <>
      <rect x="2" y="2" width="4" height="4" />
      <rect x="6" y="2" width="4" height="4" opacity="0.4" />
      <rect x="10" y="2" width="4" height="4" opacity="0.7" />
      <rect x="2" y="6" width="4" height="4" opacity="0.5" />
      <rect x="6" y="6" width="4" height="4" />
      <rect x="10" y="6" width="4" height="4" opacity="0.3" />
      <rect x="2" y="10" width="4" height="4" opacity="0.8" />
      <rect x="6" y="10" width="4" height="4" opacity="0.4" />
      <rect x="10" y="10" width="4" height="4" />
    </>
  ),
  funnel: () => (
    <>
      <rect x="2" y="2" width="12" height="3" />
      <rect x="4" y="6.5" width="8" height="3" />
      <rect x="6" y="11" width="4" height="3" />
    </>
  ),
  waterfall: () => (
    <>
      <rect x="2" y="8" width="2.5" height="7" />
      <rect x="5" y="4" width="2.5" height="4" />
      <rect x="8" y="2" width="2.5" height="2" opacity="0.5" />
      <rect x="11.5" y="2" width="2.5" height="13" />
    </>
  ),
  treemap: () => (
    <>
      <rect x="2" y="2" width="7" height="12" />
      <rect x="10" y="2" width="4" height="6" opacity="0.6" />
      <rect x="10" y="9" width="4" height="5" opacity="0.35" />
    </>
  ),
  map: () => <path d="M8 1.5a4.5 4.5 0 0 1 4.5 4.5c0 3.4-4.5 8.5-4.5 8.5S3.5 9.4 3.5 6A4.5 4.5 0 0 1 8 1.5zm0 2.5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z" fillRule="evenodd" />,
  custom: () => <path d="M5.5 2.5C4 2.5 4 3.5 4 5s-.5 2.5-2 3c1.5.5 2 1.5 2 3s0 2.5 1.5 2.5v-1c-.6 0-.6-.6-.6-1.6 0-1.4-.4-2.4-1.4-2.9 1-.5 1.4-1.5 1.4-2.9 0-1 0-1.6.6-1.6zm5 0c1.5 0 1.5 1 1.5 2.5s.5 2.5 2 3c-1.5.5-2 1.5-2 3s0 2.5-1.5 2.5v-1c.6 0 .6-.6.6-1.6 0-1.4.4-2.4 1.4-2.9-1-.5-1.4-1.5-1.4-2.9 0-1 0-1.6-.6-1.6z" />,
};

export function TypeIcon({ type }: { type: string }): ReactNode {
  const draw = ICONS[type] ?? ICONS.table;
  return (
    <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" className="gallery__icon" fill="currentColor">
      {draw()}
    </svg>
  );
}
