/**
 * Link domain: what the opened link asked for that the explorer could not read, so the reader is
 * told why the view differs from what the link's author saw, instead of it being dropped silently.
 */
import {
  type UnreadSetting,
  decodeShareState,
  encodeShareState,
  unreadLinkSettings,
} from './utils';

let unread = $state<readonly UnreadSetting[]>([]);

/** Read-only view of the link state. */
export const link = {
  /** The parts of the last link opened that were left out; empty once the reader moves on. */
  get unread() {
    return unread;
  },
};

/** The only ways to change the link state. */
export const linkActions = {
  /** Notes what a link just opened (or stepped to with Back/Forward) could not say. */
  read(hash: string): void {
    unread = unreadLinkSettings(hash);
  },
  /** The reader changed the view: the link is behind them. */
  dismiss(): void {
    if (unread.length > 0) unread = [];
  },
  /**
   * The reader closed the note: the address loses what was not read, so a link copied from it (or a
   * reload) does not bring the note back. It is replaced, not pushed: the view is the same.
   */
  close(): void {
    linkActions.dismiss();
    const { pathname, search, hash } = window.location;
    const tidy = encodeShareState(decodeShareState(hash));
    if (tidy !== hash)
      window.history.replaceState(window.history.state, '', `${pathname}${search}${tidy}`);
  },
};
