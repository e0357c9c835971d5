import { describe, expect, it } from 'vitest';
import { checkSelection } from '../../src/state/selection-check.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.js';

const known = {
  firm: (id: string) => ['nvidia', 'openai'].includes(id),
  deal: (id: string) => id === 'nv-oa',
  view: () => ({ loopById: new Map([['nvidia>openai', {} as never]]), loops: { truncated: false } as never }),
};

const check = (patch: Partial<ViewState>) => checkSelection({ ...DEFAULT_VIEW_STATE, ...patch }, known);

describe('checkSelection', () => {
  it('keeps what the data set holds, with no notice', () => {
    expect(check({ firm: 'nvidia', deal: 'nv-oa', loop: 'nvidia>openai', shock: { openai: 1 }, moved: [{ firm: 'nvidia', x: 1, y: 2 }] })).toEqual({ notices: [], patch: {} });
  });

  it('drops each unknown part and says so, keeping the known parts of a shock and of the moved firms', () => {
    expect(check({ firm: 'acme', deal: 'x', loop: 'a>b', shock: { openai: 1, acme: 0.5 }, moved: [{ firm: 'nvidia', x: 1, y: 2 }, { firm: 'acme', x: 3, y: 4 }] })).toEqual({
      notices: [
        'firm: "acme" is not in this data set',
        'deal: "x" is not in this data set',
        'loop: "a>b" is not a loop of this view',
        'shock: "acme" is not in this data set',
        'pos: "acme" is not in this data set',
      ],
      patch: { firm: null, deal: null, loop: null, shock: { openai: 1 }, moved: [{ firm: 'nvidia', x: 1, y: 2 }] },
    });
  });
});
