export { ArrangeMenu, VisualContextMenu } from './ArrangeMenus';
export { CanvasOverlay } from './CanvasOverlay';
export { openVisualMenu, startMarquee, withGuides } from './gestures';
export { alignRects, distributeRects, guidesFor, marqueeHits, type AlignMode, type DistributeAxis, type Guide } from './arrange';
export { alignVisuals, distributeVisuals, restackVisuals, type ZOrderOp } from './arrange-actions';
