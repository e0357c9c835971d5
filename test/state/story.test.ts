import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loopWordsIn } from '../../src/analysis/loop-words.js';
import { formatProblem } from '../../src/data/problem.js';
import { Deriver } from '../../src/state/derive.js';
import { checkStory, formatStory, namesOnlyItsStep, readStory, stateOfStep, stepViewOf, storyFileName, STORY_LIMITS, type Story } from '../../src/state/story.js';
import { LINKED_STORY, MAX_STORY_LINK_LENGTH, readStoryLink, SHIPPED_STORIES, storyLinkValue, storyRefOf } from '../../src/state/story-link.js';
import { parseViewUrl } from '../../src/state/url.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const root = path.resolve(import.meta.dirname, '../..');
const storiesDir = path.join(root, 'data/stories');

const line = fc.string({ minLength: 1, maxLength: STORY_LIMITS.title }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
const caption = fc.string({ maxLength: STORY_LIMITS.caption }).filter((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s));
const view = fc.constantFrom('', 'loop=amd>openai', 'firm=nvidia&min=1B', 'shock=openai:0.5&firm=openai', 'asof=2025-06&size=betweenness', 'view=1.2,-40,30&types=investment,purchase');
const story: fc.Arbitrary<Story> = fc.record({
  title: line,
  data: fc.option(fc.stringMatching(/^[a-z0-9]{1,12}-[0-9a-f]{8}$/), { nil: null }),
  steps: fc.array(fc.record({ title: line, caption, view }), { minLength: 1, maxLength: 8 }),
});

describe('story files', () => {
  it('formatStory(story) reads back as the same story (any titles, captions and views)', () => {
    fc.assert(
      fc.property(story, (s) => {
        const read = readStory(formatStory(s), 'x.story.json');
        expect(read).toEqual({ ok: true, story: s });
      }),
    );
  });

  it('checkStory names the file, the step and the field of each problem', () => {
    const result = checkStory({ title: 'T', steps: [{ title: 'One', caption: 'ok', view: '' }, { title: 'Two', caption: 'x\u0007y', view: '' }] }, 'mine.story.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual(['mine.story.json, steps[1], caption: must be plain text, without control characters other than line breaks (got "x\\u0007y")']);
  });

  it('checkStory refuses a step view the link reader would ignore a part of, and the parts that are not a step\'s', () => {
    const result = checkStory({ title: 'T', steps: [{ title: 'Bad', caption: '', view: 'min=lots&theme=dark' }] }, 's.story.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines).toContain('s.story.json, steps[0] "Bad", view: theme= belongs to the story or the reader, not to a step; remove it');
    expect(lines.some((l) => l.startsWith('s.story.json, steps[0] "Bad", view: min'))).toBe(true);
  });

  it('checkStory refuses a missing title, no steps, too many steps, an HTML-ish field of the wrong type', () => {
    for (const doc of [{ steps: [{ title: 'a', caption: '', view: '' }] }, { title: 'T', steps: [] }, { title: 'T', steps: Array.from({ length: 41 }, () => ({ title: 'a', caption: '', view: '' })) }, { title: 'T', steps: [{ title: 'a', caption: 5, view: '' }] }, [], null]) {
      const result = checkStory(doc, 'bad.story.json');
      expect(result.ok, JSON.stringify(doc)).toBe(false);
      if (!result.ok) for (const p of result.problems) expect(p.file).toBe('bad.story.json');
    }
  });

  it('readStory reports malformed JSON with its place, and never throws on any text', () => {
    const broken = readStory('{"title": "T", "steps": [', 'cut.story.json');
    expect(broken.ok).toBe(false);
    fc.assert(fc.property(fc.string(), (text) => {
      const result = readStory(text, 'any.story.json');
      if (!result.ok) for (const p of result.problems) expect(p.file).toBe('any.story.json');
    }));
  });

  it('a step keeps the view but not the data set, the colours, the story or the frame', () => {
    const state = { ...DEFAULT_VIEW_STATE, loop: 'amd>openai', minUsd: 1e9, theme: 'dark' as const, data: 'x-12345678', story: 'five-loops', step: 2, embed: true };
    const saved = stepViewOf(state);
    expect(saved).toContain('loop=amd>openai');
    expect(saved).not.toMatch(/theme|data|story|step|embed/);
    const s: Story = { title: 'T', data: null, steps: [{ title: 'a', caption: '', view: saved }] };
    const next = stateOfStep(s, 0, { ...DEFAULT_VIEW_STATE, theme: 'light', data: 'y-87654321', embed: true }, 'five-loops');
    expect(next).toEqual({ ...DEFAULT_VIEW_STATE, loop: 'amd>openai', minUsd: 1e9, theme: 'light', data: 'y-87654321', embed: true, story: 'five-loops', step: 1 });
  });

  it('storyFileName makes a safe file name from any title', () => {
    expect(storyFileName({ title: 'How the money goes round: five loops', data: null, steps: [] })).toBe('how-the-money-goes-round-five-loops.story.json');
    expect(storyFileName({ title: '../../etc', data: null, steps: [] })).toBe('etc.story.json');
    expect(storyFileName({ title: '!!!', data: null, steps: [] })).toBe('story.story.json');
  });
});

describe('stories in links', () => {
  it('storyLinkValue(story) reads back as the same story', async () => {
    await fc.assert(
      fc.asyncProperty(story, async (s) => {
        const value = await storyLinkValue(s);
        if (value === null) return;
        expect(value.length).toBeLessThanOrEqual(MAX_STORY_LINK_LENGTH);
        expect(storyRefOf(value)).toEqual({ kind: 'inline', text: value });
        expect(parseViewUrl(`story=${value}`).state.story).toBe(value);
        expect(await readStoryLink(value)).toEqual({ ok: true, story: s });
      }),
      { numRuns: 60 },
    );
  });

  it('a story too long for a link gets no link value', async () => {
    const random = fc.sample(fc.string({ minLength: 600, maxLength: 600, unit: 'grapheme' }), { numRuns: 40, seed: 7 }).map((t) => t.replace(/[\u0000-\u001f\u007f]/g, ' '));
    const long: Story = { title: 'Long', data: null, steps: random.map((c, i) => ({ title: `Step ${i}`, caption: c, view: '' })) };
    expect(await storyLinkValue(long)).toBeNull();
  });

  it('a tampered or cut link gives a problem, never an exception', async () => {
    const value = (await storyLinkValue({ title: 'T', data: null, steps: [{ title: 'a', caption: 'b', view: '' }] }))!;
    for (const bad of [value.slice(0, value.length - 5), `${value.slice(0, 10)}A${value.slice(11)}`, '~AAAA', '~']) {
      const result = await readStoryLink(bad);
      if (result.ok) continue; // a change that still decodes to a valid story is a valid story
      expect(result.problems[0]?.file).toBe(LINKED_STORY);
    }
    expect((await readStoryLink('~AAAA')).ok).toBe(false);
  });

  it('a link that unpacks to a huge document is refused before it is read', async () => {
    const huge = new TextEncoder().encode(`{"title":"${'x'.repeat(400_000)}","steps":[]}`);
    const packed = new Uint8Array(await new Response(new Blob([huge]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const value = `~${Buffer.from(packed).toString('base64url')}`;
    expect(value.length).toBeLessThan(MAX_STORY_LINK_LENGTH);
    const result = await readStoryLink(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/unpacks to more than/);
  });

  it('storyRefOf tells a shipped name from a story and refuses anything else', () => {
    expect(storyRefOf('five-loops')).toEqual({ kind: 'shipped', name: 'five-loops' });
    for (const bad of ['../x', 'Five', '~abc$', '', 'a'.repeat(61)]) expect(storyRefOf(bad)).toBeNull();
  });
});

describe('the shipped stories', () => {
  const files = readdirSync(storiesDir).filter((f) => f.endsWith('.story.json'));

  it('every file is listed for the first screen with its own title, and every listed story has its file', () => {
    expect(files.map((f) => f.replace(/\.story\.json$/, '')).sort()).toEqual(SHIPPED_STORIES.map((s) => s.name).sort());
    for (const { name, title } of SHIPPED_STORIES) {
      const result = readStory(readFileSync(path.join(storiesDir, `${name}.story.json`), 'utf8'), `${name}.story.json`);
      expect(result.ok ? result.story.title : result.problems.map(formatProblem)).toBe(title);
    }
  });

  it('each step names only firms, deals and loops the shipped data holds in that step\'s view, and each loop caption starts with the loop told in words', () => {
    const deriver = new Deriver(shippedDataSet());
    for (const file of files) {
      const result = readStory(readFileSync(path.join(storiesDir, file), 'utf8'), file);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      for (const step of result.story.steps) {
        const state = parseViewUrl(step.view).state;
        const derived = deriver.derive(state);
        if (state.firm) expect(derived.graph.hasNode(state.firm), `${file}: ${step.title}: firm ${state.firm}`).toBe(true);
        if (state.loop) {
          const loop = derived.loopById.get(state.loop);
          expect(loop, `${file}: ${step.title}: loop ${state.loop}`).toBeDefined();
          expect(step.caption.split('\n')[0], `${file}: ${step.title}`).toBe(loopWordsIn(derived.graph)(loop!));
        }
        for (const id of Object.keys(state.shock ?? {})) expect(derived.graph.hasNode(id)).toBe(true);
      }
    }
  });
});

describe('a view that names only its story step', () => {
  it('is one whose link says nothing but the story, the step, the data set, the theme and the frame', () => {
    expect(namesOnlyItsStep(parseViewUrl('story=five-loops&step=3').state)).toBe(true);
    expect(namesOnlyItsStep(parseViewUrl('story=five-loops&step=3&theme=dark&embed=1').state)).toBe(true);
    expect(namesOnlyItsStep(parseViewUrl('story=five-loops').state)).toBe(true);
    expect(namesOnlyItsStep(parseViewUrl('story=five-loops&step=3&firm=nvidia').state)).toBe(false);
    expect(namesOnlyItsStep(parseViewUrl('story=five-loops&step=3&loop=amd>openai').state)).toBe(false);
    expect(namesOnlyItsStep(parseViewUrl('story=five-loops&step=3&types=loan').state)).toBe(false);
  });
});
