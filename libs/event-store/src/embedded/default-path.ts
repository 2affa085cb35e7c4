/** The embedded store's file when no path is given (relative to the working directory). */
export const DEFAULT_SQLITE_PATH = './data/jejak.db';
