/**
 * The story job of the explorer: opens a story (shipped, from a link or from a file), plays its
 * steps (each step's view replaces the view, and the graph moves to it), and lets the analyst build
 * one from the views they make (add the current view as a step, retitle, reword, reorder, remove),
 * then save it as a `*.story.json` file or carry it in the link when it is short enough.
 *
 * The view state holds which story (`story=`) and which step (`step=`); the story itself is held
 * here. A story too long for a link is played and edited all the same, and the link then says
 * nothing of it (the bar says so: share the file).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatProblem, type Problem } from '../../data/problem.js';
import type { ViewStore } from '../../state/store.js';
import { formatStory, namesOnlyItsStep, readStory, stateOfStep, stepViewOf, storyFileName, STORY_LIMITS, type Story, type StoryResult, type StoryStep } from '../../state/story.js';
import { readStoryLink, SHIPPED_STORIES, shippedStoryPath, storyLinkValue, storyRefOf } from '../../state/story-link.js';
import type { ViewState } from '../../state/view-state.js';
import { download } from '../download.js';
import type { StoryActionEvent } from '../components/rt-story.js';

/** The app's name as a frame or an embedded page gives it. */
export const APP_TITLE = 'Roundtrip: circular financing in the AI boom';

/** A story file larger than this is refused before it is read: the schema allows far less. */
export const MAX_STORY_FILE_BYTES = 1024 * 1024;

export interface StoryHost extends ReactiveControllerHost {
  /**
   * A step's view was shown: what it names is checked against the data shown (as a link's is), and
   * when it saved no viewport its loop, its paths or the whole view are brought into sight.
   */
  stepShown(state: ViewState): void;
}

/** How a story is fetched by name; replaced in tests. */
export type StoryFetcher = (name: string) => Promise<StoryResult>;

export const fetchShippedStory: StoryFetcher = async (name) => {
  const file = `${name}.story.json`;
  const fail = (message: string): StoryResult => ({ ok: false, problems: [{ file, record: null, recordId: null, field: null, message }] });
  if (!SHIPPED_STORIES.some((s) => s.name === name)) return fail(`no story of that name is shipped (the app ships ${SHIPPED_STORIES.map((s) => s.name).join(', ')})`);
  try {
    const response = await fetch(shippedStoryPath(name));
    if (!response.ok) return fail(`could not be loaded (HTTP ${response.status})`);
    return readStory(await response.text(), file);
  } catch (error) {
    return fail(`could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
};

export class StoryPlayer implements ReactiveController {
  /** The story open; null when none is. */
  story: Story | null = null;
  /** Why the last story asked for could not be opened. */
  problems: string[] = [];
  /** Whether the steps are being edited (the bar shows the editor). */
  editing = false;
  /** The story is too long for a link: it lives here only, and the link does not name it. */
  unlinked = false;
  /** The `story=` value of the story open ('' while unlinked). */
  private ref = '';
  private unsubscribe: (() => void) | null = null;
  /** Counts opens, so a slow fetch does not replace a story opened after it. */
  private opening = 0;

  constructor(
    private readonly host: StoryHost,
    private readonly store: ViewStore,
    private readonly fetchStory: StoryFetcher = fetchShippedStory,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.store.subscribe((state, previous) => {
      if (state.story !== previous.story) void this.follow(state.story);
    });
    void this.follow(this.store.state.story);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  /** The step shown (0-based), when the view is one of the story's. */
  get index(): number {
    if (!this.story) return -1;
    const step = this.store.state.step ?? 1;
    return Math.min(Math.max(step, 1), this.story.steps.length) - 1;
  }

  /** Said when the story was made with another data set than the one shown. */
  get dataNote(): string {
    const made = this.story?.data ?? null;
    if (made === (this.store.state.data ?? null)) return '';
    return made === null
      ? 'This story was made with the shipped data, not the data shown: its steps may name firms, deals and loops this data does not hold.'
      : `This story was made with an imported data set (${made})${this.store.state.data ? ', not the one shown' : ' and the shipped data is shown'}: its steps may name firms, deals and loops this data does not hold.`;
  }

  /** What a page framing this view calls it: the story's title, or the app's. */
  get frameTitle(): string {
    return this.story ? `${this.story.title} (Roundtrip)` : APP_TITLE;
  }

  /** The caption of the step shown, for the embedded view and the exported pictures. */
  get caption(): string | null {
    return this.story?.steps[this.index]?.caption ?? null;
  }

  /** The story named by the link (or the history) is opened; a link without one closes an open linked story. */
  private async follow(value: string | null): Promise<void> {
    if (value === null) {
      if (this.story && !this.unlinked) this.clear();
      return;
    }
    if (value === this.ref) return;
    const ref = storyRefOf(value);
    if (!ref) return;
    const ticket = ++this.opening;
    const result = ref.kind === 'shipped' ? await this.fetchStory(ref.name) : await readStoryLink(ref.text);
    if (ticket !== this.opening) return;
    if (!result.ok) {
      this.refuse(result.problems);
      // The link's story could not be read: the link must not go on naming it.
      this.store.update({ story: null, step: null }, 'replace');
      return;
    }
    this.story = result.story;
    this.ref = value;
    this.unlinked = false;
    this.problems = [];
    this.editing = false;
    // A link that names only the story and its step shows that step's view.
    if (namesOnlyItsStep(this.store.state)) this.go(this.index, 'replace');
    else this.changed();
  }

  private refuse(problems: readonly Problem[]): void {
    this.problems = problems.slice(0, 20).map(formatProblem);
    if (problems.length > 20) this.problems.push(`… and ${problems.length - 20} more`);
    this.changed();
  }

  private clear(): void {
    this.story = null;
    this.ref = '';
    this.unlinked = false;
    this.editing = false;
    this.changed();
  }

  /** Plays a story shipped with the app from its first step. */
  async playShipped(name: string): Promise<void> {
    const ticket = ++this.opening;
    const result = await this.fetchStory(name);
    if (ticket !== this.opening) return;
    if (!result.ok) return this.refuse(result.problems);
    this.adopt(result.story, name);
    this.go(0);
  }

  /** Opens the first story file (`*.story.json`) among `files`; returns the others (data files). */
  openStoryFiles(files: readonly File[]): File[] {
    const isStory = (f: File): boolean => /\.story\.json$/i.test(f.name);
    const story = files.find(isStory);
    if (story) void this.openFile(story);
    return files.filter((f) => !isStory(f));
  }

  /** Opens a story file and plays it from its first step. */
  async openFile(file: File): Promise<void> {
    const ticket = ++this.opening;
    if (file.size > MAX_STORY_FILE_BYTES) {
      return this.refuse([{ file: file.name, record: null, recordId: null, field: null, message: `the file is too large for a story (${Math.round(file.size / 1024)} KB; the limit is ${MAX_STORY_FILE_BYTES / 1024} KB)` }]);
    }
    const result = readStory(await file.text(), file.name);
    if (ticket !== this.opening) return;
    if (!result.ok) return this.refuse(result.problems);
    this.adopt(result.story, null);
    await this.relink();
    this.go(0);
  }

  /** Starts a new story whose first step is the view shown now; the editor opens. */
  async startNew(data: string | null): Promise<void> {
    ++this.opening;
    this.adopt({ title: 'Untitled story', data, steps: [this.stepOfView('The view')] }, null);
    this.editing = true;
    await this.relink();
    this.store.update({ step: 1 }, 'replace');
    this.changed();
  }

  private adopt(story: Story, shippedName: string | null): void {
    this.story = story;
    this.ref = shippedName ?? '';
    this.unlinked = false;
    this.problems = [];
    this.editing = false;
  }

  /** Shows step `index` (0-based): its view replaces the view, a history step of its own unless `how` says to replace the current one. */
  go(index: number, how: 'push' | 'replace' = 'push'): void {
    const story = this.story;
    if (!story || index < 0 || index >= story.steps.length) return;
    const next = stateOfStep(story, index, this.store.state, this.unlinked ? '' : this.ref);
    this.store.update({ ...next, story: this.unlinked ? null : this.ref, step: this.unlinked ? null : index + 1 }, how);
    this.viewedIndex = index;
    this.host.stepShown(this.store.state);
    this.changed();
  }

  /** The step an unlinked story shows (its link cannot say). */
  private viewedIndex = 0;

  get shownIndex(): number {
    return this.unlinked ? this.viewedIndex : this.index;
  }

  next(): void {
    this.go(this.shownIndex + 1);
  }

  previous(): void {
    this.go(this.shownIndex - 1);
  }

  /** Leaves the story; the view stays as it is. */
  close(): void {
    ++this.opening;
    this.clear();
    this.problems = [];
    this.store.update({ story: null, step: null }, 'push');
  }

  setEditing(on: boolean): void {
    this.editing = on;
    this.changed();
  }

  private stepOfView(title: string): StoryStep {
    return { title, caption: '', view: stepViewOf(this.store.state) };
  }

  /** Adds the view shown now as a step after the one shown; says why not when the story is full. */
  async addStep(): Promise<string | null> {
    const story = this.story;
    if (!story) return null;
    if (story.steps.length >= STORY_LIMITS.steps) return `A story has at most ${STORY_LIMITS.steps} steps.`;
    const at = this.shownIndex + 1;
    const steps = [...story.steps];
    steps.splice(at, 0, this.stepOfView(`Step ${steps.length + 1}`));
    this.story = { ...story, steps };
    await this.relink();
    this.viewedIndex = at;
    this.store.update({ step: this.unlinked ? null : at + 1 }, 'replace');
    this.changed();
    return null;
  }

  /** Saves the view shown now into step `index` (the analyst changed it and keeps the change). */
  async updateStepView(index: number): Promise<void> {
    await this.editStep(index, { view: stepViewOf(this.store.state) });
  }

  async editStep(index: number, patch: Partial<StoryStep>): Promise<void> {
    const story = this.story;
    const step = story?.steps[index];
    if (!story || !step) return;
    const steps = story.steps.map((s, i) => (i === index ? { ...s, ...patch } : s));
    this.story = { ...story, steps };
    await this.relink();
    this.changed();
  }

  async retitle(title: string): Promise<void> {
    if (!this.story) return;
    this.story = { ...this.story, title };
    await this.relink();
    this.changed();
  }

  async removeStep(index: number): Promise<void> {
    const story = this.story;
    if (!story || story.steps.length <= 1 || !story.steps[index]) return;
    this.story = { ...story, steps: story.steps.filter((_, i) => i !== index) };
    await this.relink();
    const shown = Math.min(this.shownIndex, this.story.steps.length - 1);
    this.viewedIndex = shown;
    this.store.update({ step: this.unlinked ? null : shown + 1 }, 'replace');
    this.changed();
  }

  async moveStep(index: number, by: -1 | 1): Promise<void> {
    const story = this.story;
    const to = index + by;
    if (!story || !story.steps[index] || !story.steps[to]) return;
    const steps = [...story.steps];
    [steps[index], steps[to]] = [steps[to] as StoryStep, steps[index] as StoryStep];
    this.story = { ...story, steps };
    await this.relink();
    this.changed();
  }

  /** What the story bar asked for. */
  readonly onAction = (event: StoryActionEvent): void => {
    const a = event.action;
    if (a.kind === 'go') this.go(a.index);
    else if (a.kind === 'close') this.close();
    else if (a.kind === 'edit') this.setEditing(a.on);
    else if (a.kind === 'save') this.save();
    else if (a.kind === 'add') void this.addStep();
    else if (a.kind === 'retitle') void this.retitle(a.title);
    else if (a.kind === 'step') void this.editStep(a.index, { ...(a.title !== undefined ? { title: a.title } : {}), ...(a.caption !== undefined ? { caption: a.caption } : {}) });
    else if (a.kind === 'use-view') void this.updateStepView(a.index);
    else if (a.kind === 'move') void this.moveStep(a.index, a.by);
    else void this.removeStep(a.index);
  };

  /** Downloads the story as a `*.story.json` file. */
  save(): void {
    if (this.story) download(storyFileName(this.story), new Blob([formatStory(this.story)], { type: 'application/json' }));
  }

  /** The story as a file's text (for tests and the clipboard). */
  get fileText(): string | null {
    return this.story ? formatStory(this.story) : null;
  }

  /** After an edit: the link carries the story when it is short enough, and names none otherwise. */
  private async relink(): Promise<void> {
    const story = this.story;
    if (!story) return;
    const value = await storyLinkValue(story);
    if (this.story !== story) return;
    this.unlinked = value === null;
    this.ref = value ?? '';
    this.store.update(value === null ? { story: null, step: null } : { story: value, step: this.shownIndex + 1 }, 'replace');
  }
}
