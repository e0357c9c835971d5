import { describe, expect, it } from 'vitest';
import { ViewStore } from '../../src/state/store.js';
import { MAX_MOVED_FIRMS } from '../../src/state/view-state.js';
import { linkKeeps, MovedFirms, withMove } from '../../src/view/controllers/moved-firms.js';
import { FirmMoveEvent } from '../../src/view/events.js';

describe('moved firms', () => {
  it('withMove adds a firm at the end, and a firm moved again keeps its place with its new position', () => {
    const once = withMove([], { firm: 'a', x: 1, y: 2 });
    const twice = withMove(withMove(once, { firm: 'b', x: 3, y: 4 }), { firm: 'a', x: 5, y: 6 });
    expect(twice).toEqual([
      { firm: 'a', x: 5, y: 6 },
      { firm: 'b', x: 3, y: 4 },
    ]);
  });

  it('keeps moves in the view state up to the limit, then says that the link cannot keep more', () => {
    const store = new ViewStore();
    let updates = 0;
    const moved = new MovedFirms(store, (id) => id.toUpperCase(), () => updates++);
    for (let i = 0; i < MAX_MOVED_FIRMS; i++) moved.onMove(new FirmMoveEvent(`f${i}`, i, -i));
    expect(store.state.moved).toHaveLength(MAX_MOVED_FIRMS);
    expect(moved.note).toBe('');
    moved.onMove(new FirmMoveEvent('extra', 1, 1));
    expect(store.state.moved).toHaveLength(MAX_MOVED_FIRMS);
    expect(moved.note).toBe(`The link keeps at most ${MAX_MOVED_FIRMS} moved firms: EXTRA stays where you put it until the page is reloaded.`);
    expect(updates).toBe(1);
    // A firm already kept can still be moved.
    moved.onMove(new FirmMoveEvent('f0', 100, 100));
    expect(store.state.moved[0]).toEqual({ firm: 'f0', x: 100, y: 100 });
    expect(moved.note).toBe('');
  });

  it('linkKeeps refuses moves whose pos= value the link reader would refuse as too long', () => {
    const long = Array.from({ length: 15 }, (_, i) => ({ firm: `a-very-long-firm-name-${i}`, x: -1234567, y: 1234567 }));
    expect(linkKeeps(long)).toBe(false);
    expect(linkKeeps(long.slice(0, 3))).toBe(true);
  });
});
