/** Ephemeral state of the canvas operations: the marquee being drawn, the guides shown while moving, the open context menu. */
import { create } from 'zustand';
import type { Rect } from '../geometry';
import type { Guide } from './arrange';

export interface ContextMenuState {
  /** viewport position of the menu */
  x: number;
  y: number;
}

interface CanvasOpsState {
  marquee: Rect | null;
  guides: Guide[];
  menu: ContextMenuState | null;
  setMarquee(marquee: Rect | null): void;
  setGuides(guides: Guide[]): void;
  openMenu(menu: ContextMenuState): void;
  closeMenu(): void;
}

export const useCanvasOps = create<CanvasOpsState>()((set, get) => ({
  marquee: null,
  guides: [],
  menu: null,
  setMarquee(marquee) {
    set({ marquee });
  },
  setGuides(guides) {
    if (guides.length === 0 && get().guides.length === 0) return;
    set({ guides });
  },
  openMenu(menu) {
    set({ menu });
  },
  closeMenu() {
    if (get().menu) set({ menu: null });
  },
}));
