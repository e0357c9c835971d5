/**
 * Typed events the components fire — for user intent only, never when code sets a property.
 */
import type { Viewport } from '../state/view-state.js';

const init = { bubbles: true, composed: true } as const;

export class FirmSelectEvent extends Event {
  static readonly type = 'rt-firm-select';
  constructor(readonly firm: string | null) {
    super(FirmSelectEvent.type, init);
  }
}

export class DealSelectEvent extends Event {
  static readonly type = 'rt-deal-select';
  constructor(readonly deal: string) {
    super(DealSelectEvent.type, init);
  }
}

export class LoopSelectEvent extends Event {
  static readonly type = 'rt-loop-select';
  constructor(readonly loop: string | null) {
    super(LoopSelectEvent.type, init);
  }
}

export class LoopPreviewEvent extends Event {
  static readonly type = 'rt-loop-preview';
  constructor(readonly loop: string | null) {
    super(LoopPreviewEvent.type, init);
  }
}

export class ClearSelectionEvent extends Event {
  static readonly type = 'rt-clear-selection';
  constructor() {
    super(ClearSelectionEvent.type, init);
  }
}

export class ViewportChangeEvent extends Event {
  static readonly type = 'rt-viewport-change';
  constructor(readonly viewport: Viewport) {
    super(ViewportChangeEvent.type, init);
  }
}

/** The analyst asked to trace the money from one firm to another (null clears the trace). */
export class PathSelectEvent extends Event {
  static readonly type = 'rt-path-select';
  constructor(readonly path: { from: string; to: string } | null) {
    super(PathSelectEvent.type, init);
  }
}

/** The analyst asked for an export from a panel (the deals table's CSV, say). */
export class ExportRequestEvent extends Event {
  static readonly type = 'rt-export-request';
  constructor(readonly format: 'deals' | 'loops' | 'measures') {
    super(ExportRequestEvent.type, init);
  }
}

/** The analyst dropped a dragged firm at (x, y), model coordinates. */
export class FirmMoveEvent extends Event {
  static readonly type = 'rt-firm-move';
  constructor(
    readonly firm: string,
    readonly x: number,
    readonly y: number,
  ) {
    super(FirmMoveEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-firm-select': FirmSelectEvent;
    'rt-deal-select': DealSelectEvent;
    'rt-loop-select': LoopSelectEvent;
    'rt-loop-preview': LoopPreviewEvent;
    'rt-clear-selection': ClearSelectionEvent;
    'rt-viewport-change': ViewportChangeEvent;
    'rt-firm-move': FirmMoveEvent;
    'rt-path-select': PathSelectEvent;
    'rt-export-request': ExportRequestEvent;
  }
}
