// The browser shell's access token: handed over once in the start URL (?token=…), then kept for the tab's
// lifetime in sessionStorage and scrubbed from the address bar so it is not bookmarked, shared or logged.

export const TOKEN_STORAGE_KEY = 'plandesk.token';
export const TOKEN_QUERY_PARAM = 'token';

// Used only when sessionStorage is unavailable (privacy modes throw on access), so the token still survives
// the URL scrub for the rest of this page's life.
let memoryToken: string | null = null;

function readStorage(win: Window): string | null {
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStorage(win: Window, token: string): boolean {
  try {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves a `?token=` from the page URL into sessionStorage (removing it from the visible URL) and returns the
 * token in effect. Idempotent: later calls find the URL clean and read the stored token.
 */
export function captureToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl !== null) {
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    // Keep the rest of the URL (other parameters, hash) and the history state intact.
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    if (fromUrl !== '') {
      if (!writeStorage(win, fromUrl)) memoryToken = fromUrl;
      return fromUrl;
    }
  }
  return readStorage(win) ?? memoryToken;
}
