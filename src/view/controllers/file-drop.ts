/**
 * Files dropped anywhere on the explorer open as data: while files are dragged over it, the host
 * shows a drop hint (`dropping`); a drop hands the files to the import.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class FileDrop implements ReactiveController {
  private dropping = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly open: (files: File[]) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.handleDragOver);
    this.host.addEventListener('dragleave', this.handleDragLeave);
    this.host.addEventListener('drop', this.handleDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.handleDragOver);
    this.host.removeEventListener('dragleave', this.handleDragLeave);
    this.host.removeEventListener('drop', this.handleDrop);
  }

  private set(dropping: boolean): void {
    if (this.dropping === dropping) return;
    this.dropping = dropping;
    this.host.requestUpdate();
  }

  private readonly handleDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.set(true);
  };

  private readonly handleDragLeave = (event: DragEvent): void => {
    if (event.relatedTarget === null) this.set(false);
  };

  private readonly handleDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.set(false);
    this.open([...(event.dataTransfer?.files ?? [])]);
  };

  render(): TemplateResult | typeof nothing {
    return this.dropping ? html`<div class="drop" aria-hidden="true">Drop the data files to open them</div>` : nothing;
  }
}
