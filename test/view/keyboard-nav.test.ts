import { describe, expect, it } from 'vitest';
import { nearestInDirection, nearestTo } from '../../src/view/keyboard-nav.js';

// A plus sign of firms around c, and one far off to the upper right.
const firms = [
  { id: 'c', x: 0, y: 0 },
  { id: 'right', x: 100, y: 10 },
  { id: 'left', x: -80, y: 0 },
  { id: 'up', x: 5, y: -90 },
  { id: 'down', x: -5, y: 120 },
  { id: 'far', x: 300, y: -300 },
];
const from = firms[0]!;

describe('keyboard navigation between firms', () => {
  it('goes to the nearest firm in the arrow direction, straight ahead before off to the side', () => {
    expect(nearestInDirection(firms, from, 'right')).toBe('right');
    expect(nearestInDirection(firms, from, 'left')).toBe('left');
    expect(nearestInDirection(firms, from, 'up')).toBe('up');
    expect(nearestInDirection(firms, from, 'down')).toBe('down');
  });

  it('stays put (null) when no firm lies that way', () => {
    expect(nearestInDirection([from, { id: 'east', x: 10, y: 0 }], from, 'left')).toBeNull();
  });

  it('starts at the firm nearest the middle of the view', () => {
    expect(nearestTo(firms, { x: 90, y: 0 })).toBe('right');
    expect(nearestTo([], { x: 0, y: 0 })).toBeNull();
  });
});
