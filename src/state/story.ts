/**
 * A story: a title and a sequence of steps, each a saved view (as the link's query string) with a
 * title and a plain-text caption. Stories travel as `*.story.json` files checked against
 * data/schema/story.schema.json, and in links (see story-link.ts); both are read here, with
 * problems that name the file, the step and the field, as the data files' do.
 */
import { documentSchemaProblems } from '../data/validate.js';
import { validateStory } from '../data/generated/validators.js';
import { parseJsonText } from '../data/json-text.js';
import type { Problem } from '../data/problem.js';
import { formatViewUrl, parseViewUrl } from './url.js';
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state.js';

export interface StoryStep {
  title: string;
  /** Plain text, never read as HTML. */
  caption: string;
  /** The step's view as a link's query string (without `?`). */
  view: string;
}

export interface Story {
  title: string;
  /** Fingerprint of the imported data set the story was made with; null for the shipped data. */
  data: string | null;
  steps: StoryStep[];
}

/** Limits of the schema, for the editor's fields. */
export const STORY_LIMITS = { title: 120, caption: 600, steps: 40 } as const;

/** Parts of a view that belong to the story or the reader, not to a step. */
const NOT_IN_A_STEP = ['data', 'theme', 'story', 'step', 'embed'] as const;

export type StoryResult = { ok: true; story: Story } | { ok: false; problems: Problem[] };

const stepProblem = (file: string, index: number, title: unknown, message: string): Problem => ({
  file,
  record: `steps[${index}]`,
  recordId: typeof title === 'string' && title !== '' ? title : null,
  field: 'view',
  message,
});

/** Checks a parsed story document: the schema, then each step's view as the link reader reads it. */
export function checkStory(doc: unknown, file: string): StoryResult {
  const problems = documentSchemaProblems(validateStory, doc, 'steps', file);
  if (problems.length > 0) return { ok: false, problems };
  const raw = doc as { title: string; data?: string; steps: StoryStep[] };
  raw.steps.forEach((step, index) => {
    const search = new URLSearchParams(step.view.startsWith('?') ? step.view.slice(1) : step.view);
    for (const name of NOT_IN_A_STEP) {
      if (search.has(name)) problems.push(stepProblem(file, index, step.title, `${name}= belongs to the story or the reader, not to a step; remove it`));
    }
    for (const notice of parseViewUrl(step.view).notices) problems.push(stepProblem(file, index, step.title, notice));
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    story: {
      title: raw.title,
      data: raw.data ?? null,
      steps: raw.steps.map((s) => ({ title: s.title, caption: s.caption, view: s.view.startsWith('?') ? s.view.slice(1) : s.view })),
    },
  };
}

/** Reads a story file's text. */
export function readStory(text: string, file: string): StoryResult {
  const parsed = parseJsonText(text, file);
  return parsed.ok ? checkStory(parsed.value, file) : { ok: false, problems: [parsed.problem] };
}

/** The story as a file's text, with the schema named for editors. */
export function formatStory(story: Story): string {
  const doc = {
    $schema: 'https://roundtrip.invalid/schema/story.schema.json',
    title: story.title,
    ...(story.data ? { data: story.data } : {}),
    steps: story.steps.map((s) => ({ title: s.title, caption: s.caption, view: s.view })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A step's saved view: what the view state holds now, less the parts that are not a step's. */
export function stepViewOf(state: ViewState): string {
  return formatViewUrl({ ...state, data: null, theme: 'auto', story: null, step: null, embed: false });
}

/** The view state of a step, keeping the reader's data set, colours, story and frame. */
export function stateOfStep(story: Story, index: number, current: ViewState, storyParam: string): ViewState {
  const step = story.steps[index];
  if (!step) return current;
  return { ...parseViewUrl(step.view).state, data: current.data, theme: current.theme, embed: current.embed, story: storyParam, step: index + 1 };
}

/**
 * Whether a view names nothing but its story and step (and the data set, theme and frame): a
 * link such as `?story=five-loops&step=3`, typed or shortened by hand, which should show that
 * step's view rather than the whole network under the step's caption.
 */
export function namesOnlyItsStep(current: ViewState): boolean {
  return formatViewUrl({ ...current, data: null, theme: DEFAULT_VIEW_STATE.theme, embed: false, story: null, step: null }) === '';
}

/** A file name for the story: its title as a slug. */
export function storyFileName(story: Story): string {
  const slug = story.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'story'}.story.json`;
}
