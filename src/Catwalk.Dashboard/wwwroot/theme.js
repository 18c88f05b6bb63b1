// Remembers the reader's light or dark choice for a year; the server reads it on the next load, so the page is drawn in it at once.
export function remember(mode) {
  document.cookie = `catwalk-theme=${mode === 'dark' ? 'dark' : 'light'}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.dataset.theme = mode;
}
