/**
 * Session domain: who is signed in (GET /api/auth/me at start), signing in with a name and password
 * (a session cookie plus the CSRF cookie the API client echoes) and out. Components read `session`
 * and call `sessionActions`.
 */
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { onSignInNeeded } from '../../lib/api/client';
import { curationApi } from '../curation/curation-api';
import type { MeResponse, SessionUser } from '../curation/types';
import { canEdit } from './utils';

let me = $state<AsyncStatus<MeResponse>>(idle());
let user = $state<SessionUser | null>(null);
let signIn = $state<AsyncStatus<SessionUser>>(idle());
let signOut = $state<AsyncStatus<null>>(idle());
let dialogOpen = $state(false);
/** Whether the page was signed out by the server (a session that ended), not by the reader. */
let ended = $state(false);
/** Bumped by sign-in and sign-out, so a slower `me` answer never overrides them. */
let generation = 0;

/** Read-only view of the session. */
export const session = {
  /** The signed-in account, or null. */
  get user() {
    return user;
  },
  /** Whether edit controls show. */
  get canEdit() {
    return canEdit(user);
  },
  /** Whether the server accepts sign-in (it has a SESSION_SECRET). */
  /** Whether the server has said if it has sign-in (GET /api/auth/me answered). */
  get sessionsKnown() {
    return me.state === 'success';
  },
  get sessionsEnabled() {
    return me.state === 'success' && me.data.sessionsEnabled;
  },
  get me() {
    return me;
  },
  get signIn() {
    return signIn;
  },
  get signOut() {
    return signOut;
  },
  get dialogOpen() {
    return dialogOpen;
  },
  /** Whether the session ended under the reader: the sign-in dialog says so. */
  get ended() {
    return ended;
  },
};

// A request refused for want of a sign-in while the page says "signed in": the session ended
// elsewhere. The page says so and offers to sign in again, over any open form, which keeps what
// was typed for the save once more.
onSignInNeeded(() => {
  if (user === null) return;
  generation += 1;
  user = null;
  ended = true;
  signIn = idle();
  dialogOpen = true;
});

/** The only ways to change the session. */
export const sessionActions = {
  /** Asks the server who is signed in. */
  async load(): Promise<void> {
    me = loading();
    const asked = generation;
    try {
      const answer = await curationApi.me();
      me = success(answer);
      if (asked === generation) user = answer.user;
    } catch (error) {
      me = failure(error);
    }
  },
  openDialog(): void {
    signIn = idle();
    dialogOpen = true;
  },
  closeDialog(): void {
    dialogOpen = false;
    ended = false;
  },
  /** Signs in; closes the dialog on success, keeps the error in `signIn` otherwise. */
  async signIn(name: string, password: string): Promise<void> {
    signIn = loading();
    try {
      const answer = await curationApi.signIn(name.trim(), password);
      generation += 1;
      user = answer.user;
      signIn = success(answer.user);
      dialogOpen = false;
      ended = false;
    } catch (error) {
      signIn = failure(error);
    }
  },
  /** Signs out (the server ends the session and clears the cookies). */
  async signOut(): Promise<void> {
    signOut = loading();
    try {
      await curationApi.signOut();
      generation += 1;
      user = null;
      signOut = success(null);
    } catch (error) {
      signOut = failure(error);
    }
  },
};
