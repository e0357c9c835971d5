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

/**
 * Rows sorted by one column: ascending or descending, empty (null) values last either way, ties
 * by id so the order never varies.
 */
export function sortRows<R extends { id: string }, K extends keyof R>(rows: R[], key: K, descending: boolean): R[] {
  const sign = descending ? -1 : 1;
  return rows.sort((a, b) => {
    const va = a[key];
    const vb = b[key];
    if (va === vb) return a.id < b.id ? -1 : 1;
    if (va === null || va === undefined) return 1;
    if (vb === null || vb === undefined) return -1;
    return (va < vb ? -1 : 1) * sign;
  });
}
