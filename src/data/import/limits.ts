/** Files above this size are refused before they are read, in the app and the CLI. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
