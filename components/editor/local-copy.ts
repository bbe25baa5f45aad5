/**
 * The browser's copy of work the server does not have yet, one per story
 * ("new" before the story exists). Written on every change and removed only
 * when a save that includes it is acknowledged, so a crash, a closed tab or
 * a refused save leaves it here to be offered the next time the story opens.
 */
const PREFIX = "copydesk:unsaved:";

export interface LocalCopy<T> {
  content: T;
  /** the server version the changes were made on top of */
  baseVersion: number;
  keptAt: string;
}

export const NEW_STORY = "new";

export function keepLocalCopy<T>(storyKey: string, content: T, baseVersion: number): boolean {
  try {
    localStorage.setItem(PREFIX + storyKey, JSON.stringify({ content, baseVersion, keptAt: new Date().toISOString() } satisfies LocalCopy<T>));
    return true;
  } catch {
    return false; // storage full or disabled: the server save still runs, the status says nothing is kept here
  }
}

export function readLocalCopy<T>(storyKey: string): LocalCopy<T> | null {
  try {
    const stored = localStorage.getItem(PREFIX + storyKey);
    return stored ? (JSON.parse(stored) as LocalCopy<T>) : null;
  } catch {
    return null;
  }
}

/** The copy as stored (a string, stable between reads while unchanged), or null. */
export function localCopyText(storyKey: string): string | null {
  try {
    return localStorage.getItem(PREFIX + storyKey);
  } catch {
    return null;
  }
}

export function dropLocalCopy(storyKey: string): void {
  try {
    localStorage.removeItem(PREFIX + storyKey);
  } catch {
    // nothing kept, nothing to drop
  }
}
