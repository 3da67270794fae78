/**
 * What a Source node records as where its facts came from. Every reader sees it (entity pages,
 * the console), so it must not reveal the importing machine: a file keeps its name only
 * (`/srv/data/roadmap-2023.csv` → `file:roadmap-2023.csv`), not the server's folders; a web
 * address keeps everything but credentials written into it; other schemes (`synthetic:`,
 * `urn:`) name no machine and stay. The importers still see the full location (to read it, to
 * name the source and in their own reports); only what is stored is trimmed.
 */

/** A scheme of two letters or more: a Windows drive (`C:\`) is a path, not a scheme. */
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;
const WEB_ADDRESS = /^https?:\/\//i;
const FILE_URL = /^file:\/\//i;

/** The last part of a path, with either separator; the whole text when it has no parts. */
function lastPart(location: string): string {
  const parts = location.split(/[\\/]/).filter((part) => part !== '');
  return parts.at(-1) ?? location;
}

export function recordedSourceUri(location: string): string {
  if (WEB_ADDRESS.test(location)) {
    try {
      const url = new URL(location);
      url.username = '';
      url.password = '';
      return url.href;
    } catch {
      // Not a valid address after all: its credentials, if any, go all the same.
      return location.replace(/^(https?:\/\/)[^/?#]*@/i, '$1');
    }
  }
  if (FILE_URL.test(location)) return `file:${lastPart(location.replace(FILE_URL, ''))}`;
  if (SCHEME.test(location)) return location;
  return `file:${lastPart(location)}`;
}
