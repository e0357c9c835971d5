/**
 * The story bar above the graph: the story's title, the step shown with its caption, Previous and
 * Next; and, while editing, each step's title and caption with the buttons to show it, save the
 * view into it, move it and remove it. Captions are plain text (line breaks kept), never HTML.
 *
 * @fires rt-story-action - The analyst asked for something the story player does (see StoryAction).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { STORY_LIMITS, type Story } from '../../state/story.js';

export type StoryAction =
  | { kind: 'go'; index: number }
  | { kind: 'close' }
  | { kind: 'edit'; on: boolean }
  | { kind: 'save' }
  | { kind: 'add' }
  | { kind: 'retitle'; title: string }
  | { kind: 'step'; index: number; title?: string; caption?: string }
  | { kind: 'use-view'; index: number }
  | { kind: 'move'; index: number; by: -1 | 1 }
  | { kind: 'remove'; index: number };

export class StoryActionEvent extends Event {
  static readonly type = 'rt-story-action';
  constructor(readonly action: StoryAction) {
    super(StoryActionEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rt-story-action': StoryActionEvent;
  }
}

@customElement('rt-story')
export class RtStory extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent); padding: 0.4rem 0.75rem; background: color-mix(in srgb, #2f6fde 7%, Canvas); }
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.6rem; }
    .title { font-weight: 600; margin: 0; font-size: 0.95rem; }
    .count { font-size: 0.85rem; opacity: 0.85; }
    .step-title { margin: 0.2rem 0 0; font-size: 0.95rem; }
    .caption { margin: 0.2rem 0 0; white-space: pre-line; max-width: 70rem; font-size: 0.9rem; line-height: 1.35; }
    .spacer { flex: 1; }
    button { font: inherit; font-size: 0.85rem; }
    .problems { color: #b3261e; font-size: 0.85rem; margin: 0.2rem 0; padding-left: 1.2rem; }
    .note { font-size: 0.8rem; opacity: 0.85; margin: 0.2rem 0 0; }
    ol.steps { margin: 0.4rem 0 0; padding-left: 1.5rem; display: grid; gap: 0.3rem; max-height: 40vh; overflow: auto; }
    ol.steps li.row { display: list-item; }
    ol.steps li.row [data-show] { max-width: 28rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: middle; }
    ol.steps li[aria-current='step'] { outline: 2px solid #2f6fde; outline-offset: 2px; }
    .fields { display: grid; gap: 0.2rem; }
    .fields input, .fields textarea, .story-title input { font: inherit; font-size: 0.85rem; width: 100%; box-sizing: border-box; }
    .fields textarea { min-height: 3.2rem; resize: vertical; }
    .row { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; font-size: 0.8rem; }
    .story-title { display: flex; gap: 0.4rem; align-items: center; flex: 1 1 20rem; }
    :host([compact]) section { padding: 0.3rem 0.5rem; }
  `;

  /** The story open; the bar renders nothing without one (and no problems). */
  @property({ attribute: false }) story: Story | null = null;
  /** The step shown (0-based). */
  @property({ type: Number }) index = 0;
  @property({ type: Boolean }) editing = false;
  /** The story is too long for a link. */
  @property({ type: Boolean }) unlinked = false;
  /** No editing (the embedded view). */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Said about the story as a whole (it was made with other data). */
  @property({ attribute: false }) note = '';
  /** Why a story could not be opened. */
  @property({ attribute: false }) problems: readonly string[] = [];
  /** Said after an edit that could not be made. */
  @state() private editNote = '';

  private emit(action: StoryAction): void {
    this.dispatchEvent(new StoryActionEvent(action));
  }

  override render(): TemplateResult | typeof nothing {
    const story = this.story;
    if (!story) {
      if (this.problems.length === 0) return nothing;
      return html`<section role="alert" aria-label="The story could not be opened">
        <div class="bar"><p class="title">The story could not be opened:</p><span class="spacer"></span><button @click=${() => this.emit({ kind: 'close' })}>Dismiss</button></div>
        <ul class="problems">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>
      </section>`;
    }
    const step = story.steps[this.index];
    const last = story.steps.length - 1;
    return html`<section aria-label="Story" data-story>
      <div class="bar">
        ${this.editing
          ? html`<label class="story-title">Story <input data-story-title .value=${story.title} maxlength=${STORY_LIMITS.title} aria-label="The story's title"
              @change=${(e: Event) => this.retitle((e.target as HTMLInputElement).value)} /></label>`
          : html`<p class="title" data-story-name>${story.title}</p>`}
        <span class="count" data-step-count aria-live="polite">Step ${this.index + 1} of ${story.steps.length}</span>
        <button data-previous ?disabled=${this.index <= 0} @click=${() => this.emit({ kind: 'go', index: this.index - 1 })} title="Previous step (←)">◀ Previous</button>
        <button data-next ?disabled=${this.index >= last} @click=${() => this.emit({ kind: 'go', index: this.index + 1 })} title="Next step (→)">Next ▶</button>
        <span class="spacer"></span>
        ${this.compact
          ? nothing
          : html`<button data-edit aria-pressed=${this.editing ? 'true' : 'false'} @click=${() => this.emit({ kind: 'edit', on: !this.editing })}>${this.editing ? 'Done editing' : 'Edit'}</button>
              <button data-save @click=${() => this.emit({ kind: 'save' })} title="Save the story as a .story.json file">Save file</button>
              <button data-close @click=${() => this.emit({ kind: 'close' })} title="Leave the story; the view stays">Close</button>`}
      </div>
      ${step && !this.editing
        ? html`<h2 class="step-title" data-step-title>${step.title}</h2>${step.caption ? html`<p class="caption" data-caption>${step.caption}</p>` : nothing}`
        : nothing}
      ${this.note ? html`<p class="note" data-story-note>${this.note}</p>` : nothing}
      ${this.unlinked && !this.compact ? html`<p class="note" data-unlinked>This story is too long for a link: the link shows the view only. Save the file to share the story.</p>` : nothing}
      ${this.editing ? this.renderEditor(story) : nothing}
    </section>`;
  }

  /** The step shown is edited in full; the others are one line each, to keep the graph in sight. */
  private renderEditor(story: Story): TemplateResult {
    const last = story.steps.length - 1;
    return html`<ol class="steps" aria-label="Steps">
        ${story.steps.map((step, i) => {
          const moves = html`<button ?disabled=${i === 0} @click=${() => this.emit({ kind: 'move', index: i, by: -1 })} aria-label=${`Move step ${i + 1} up`}>↑</button>
            <button ?disabled=${i === last} @click=${() => this.emit({ kind: 'move', index: i, by: 1 })} aria-label=${`Move step ${i + 1} down`}>↓</button>
            <button ?disabled=${story.steps.length <= 1} @click=${() => this.emit({ kind: 'remove', index: i })} aria-label=${`Remove step ${i + 1}`}>Remove</button>`;
          if (i !== this.index) {
            return html`<li class="row" data-step-row><button data-show @click=${() => this.emit({ kind: 'go', index: i })} title="Show and edit this step">${step.title}</button>${moves}</li>`;
          }
          return html`<li aria-current="step" data-step-editor>
            <div class="fields">
              <input data-field="title" .value=${step.title} maxlength=${STORY_LIMITS.title} aria-label=${`Title of step ${i + 1}`}
                @change=${(e: Event) => this.emit({ kind: 'step', index: i, title: this.oneLine((e.target as HTMLInputElement).value, step.title) })} />
              <textarea data-field="caption" .value=${step.caption} maxlength=${STORY_LIMITS.caption} aria-label=${`Caption of step ${i + 1} (plain text, at most ${STORY_LIMITS.caption} characters)`}
                placeholder="What the reader should see here (plain text)"
                @change=${(e: Event) => this.emit({ kind: 'step', index: i, caption: plainText((e.target as HTMLTextAreaElement).value) })}></textarea>
            </div>
            <div class="row">
              <button data-use-view @click=${() => this.emit({ kind: 'use-view', index: i })} title="Save the view shown now into this step">Use the view shown</button>
              ${moves}
            </div>
          </li>`;
        })}
      </ol>
      <div class="row">
        <button data-add ?disabled=${story.steps.length >= STORY_LIMITS.steps} @click=${() => this.emit({ kind: 'add' })}>Add the view shown as a step</button>
        <span>${story.steps.length} of at most ${STORY_LIMITS.steps} steps. A step keeps the filters, selection, loop, zoom, scenario and date of its view.</span>
        ${this.editNote ? html`<span role="status">${this.editNote}</span>` : nothing}
      </div>`;
  }

  private retitle(value: string): void {
    const title = this.oneLine(value, this.story?.title ?? '');
    this.emit({ kind: 'retitle', title });
  }

  /** One line of text; an empty one keeps what was there (a title is required). */
  private oneLine(value: string, before: string): string {
    const line = plainText(value).replace(/\s+/g, ' ').trim().slice(0, STORY_LIMITS.title);
    this.editNote = line === '' ? 'A title cannot be empty: the old one is kept.' : '';
    return line === '' ? before : line;
  }
}

/** Text without control characters other than line breaks (the schema refuses them). */
function plainText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ').slice(0, STORY_LIMITS.caption);
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-story': RtStory;
  }
}
