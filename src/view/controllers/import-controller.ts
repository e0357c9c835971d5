/**
 * The import job of the explorer: reads the analyst's files, checks them in the import worker with
 * progress and Cancel, and says what became of them — problems (nothing loaded), notes (loaded), or
 * cancelled. Loading a valid set is the host's: it is handed over through `load`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { MAX_IMPORT_BYTES } from '../../data/import/limits.js';
import { formatProblem, type Problem } from '../../data/problem.js';
import type { DataSet, Entity } from '../../data/types.js';
import type { FirstViewAnalysis } from '../../state/first-view.js';
import { ImportCancelled, progressText, startImport, type ImportJob } from '../import-client.js';

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Notes shown open; more are folded under their count. */
const NOTES_SHOWN_OPEN = 3;
const MAX_NOTES_LISTED = 200;

export class ImportController implements ReactiveController {
  /** Why the files were not loaded (the data shown stays). */
  problems: Problem[] = [];
  /** Notes on a set that loaded. */
  warnings: string[] = [];
  /** The running import's progress line; '' when none runs. */
  private status = '';
  /** What became of an import that did not load (cancelled). */
  private note = '';
  private job: ImportJob | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Firms a deals file may name without an entities file. */
    private readonly knownEntities: () => readonly Entity[],
    /** Shows a valid set; resolves to whether it is the one shown now. */
    private readonly load: (data: DataSet, name: string, fingerprint: string, analysis: FirstViewAnalysis | null) => Promise<boolean>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.job?.cancel();
  }

  /** Drops the notes of an earlier import (another set is shown). */
  clearNotes(): void {
    this.warnings = [];
    this.host.requestUpdate();
  }

  /** Reads and checks the files; a valid set replaces the one shown, an invalid one changes nothing. */
  async importFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    this.problems = [];
    this.warnings = [];
    this.note = '';
    const tooBig = files.filter((f) => f.size > MAX_IMPORT_BYTES);
    if (tooBig.length > 0) {
      this.problems = tooBig.map((f) => ({ file: f.name, record: null, recordId: null, field: null, message: `the file is too large (${mb(f.size)}; the limit is ${mb(MAX_IMPORT_BYTES)})` }));
      this.host.requestUpdate();
      return;
    }
    this.status = `Reading and checking ${files.map((f) => `${f.name} (${mb(f.size)})`).join(', ')}…`;
    this.host.requestUpdate();
    try {
      const job = startImport({ files: files.map((f) => ({ name: f.name, blob: f })), options: { knownEntities: [...this.knownEntities()] } }, (progress) => {
        if (this.job !== job) return;
        this.status = progressText(progress);
        this.host.requestUpdate();
      });
      this.job = job;
      this.host.requestUpdate();
      const result = await job.result;
      // Notes are about a set that loads: beside "nothing was loaded" they would contradict it.
      if (!result.ok) {
        this.problems = result.problems;
        return;
      }
      this.warnings = result.warnings;
      if (!(await this.load(result.data, result.name, result.fingerprint, result.analysis))) this.warnings = [];
    } catch (error) {
      this.warnings = [];
      if (error instanceof ImportCancelled) {
        this.note = 'Import cancelled: the data shown stays as it was.';
        return;
      }
      this.problems = [{ file: files.map((f) => f.name).join(', '), record: null, recordId: null, field: null, message: `could not be read (${error instanceof Error ? error.message : String(error)})` }];
    } finally {
      this.status = '';
      this.job = null;
      this.host.requestUpdate();
    }
  }

  /** The progress line with Cancel, the note, the problems banner and the notes, as they apply. */
  render(): TemplateResult {
    const dismiss = (clear: () => void) => () => {
      clear();
      this.host.requestUpdate();
    };
    return html`
      ${this.status ? html`<p class="status" role="status">${this.status} ${this.job ? html`<button @click=${() => this.job?.cancel()}>Cancel</button>` : nothing}</p>` : nothing}
      ${this.note ? html`<p class="status" role="status">${this.note} <button @click=${dismiss(() => (this.note = ''))}>Dismiss</button></p>` : nothing}
      ${this.problems.length > 0
        ? html`<section class="banner" role="alert" aria-label="The files could not be loaded">
            <h2>The files have ${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}; nothing was loaded, and the data shown stays as it was</h2>
            <ul>${this.problems.slice(0, 200).map((p) => html`<li>${formatProblem(p)}</li>`)}</ul>
            ${this.problems.length > 200 ? html`<p>…and ${this.problems.length - 200} more.</p>` : nothing}
            <p>Fix the files and open them again.</p>
            <button @click=${dismiss(() => (this.problems = []))}>Dismiss</button>
          </section>`
        : nothing}
      ${this.warnings.length > 0 ? this.renderNotes(dismiss(() => (this.warnings = []))) : nothing}
    `;
  }

  /**
   * The notes on a set that loaded. A few are shown as they are; many (a set of new firms gives one
   * per firm) are folded under their count, in a list that scrolls, so they never push the
   * picture off the screen.
   */
  private renderNotes(onDismiss: () => void): TemplateResult {
    const list = html`<ul class="notes">${this.warnings.slice(0, MAX_NOTES_LISTED).map((w) => html`<li>${w}</li>`)}</ul>
      ${this.warnings.length > MAX_NOTES_LISTED ? html`<p>…and ${this.warnings.length - MAX_NOTES_LISTED} more.</p>` : nothing}`;
    return html`<section class="notice" role="status" aria-label="Notes on the imported files">
      ${this.warnings.length <= NOTES_SHOWN_OPEN
        ? html`<p>Loaded, with notes:</p>${list}`
        : html`<details><summary>Loaded, with ${this.warnings.length} notes</summary>${list}</details>`}
      <button @click=${onDismiss}>Dismiss</button>
    </section>`;
  }
}
