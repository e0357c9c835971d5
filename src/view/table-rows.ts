/**
 * The keyboard in a table whose rows are focusable: Enter or Space chooses the row, the arrow keys
 * move to the row above or below. Shared by the measures and the deals tables.
 */
export function rowKeys(event: KeyboardEvent, choose: () => void): void {
  const row = event.currentTarget as HTMLElement;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    choose();
  } else if (event.key === 'ArrowDown') {
    event.preventDefault();
    (row.nextElementSibling as HTMLElement | null)?.focus();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    (row.previousElementSibling as HTMLElement | null)?.focus();
  }
}
