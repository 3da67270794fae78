/**
 * The browser tab's title for what the explorer shows: a bookmark, the history menu and a shared
 * link's tab said "DPG Explorer" for every view (QA). Most specific first: the insight, the paths,
 * the selected entity, the entity explored.
 */

/** What the title is made of; each label is undefined when there is none (or not yet loaded). */
export interface TitleParts {
  /** An open insight: its title ("Stakeholder map") and its subject's name. */
  insight?: { title: string; subject: string | undefined };
  /** Open path finder's ends. */
  paths?: { from: string | undefined; to: string | undefined };
  selected?: string;
  focus?: string;
}

export const APP_NAME = 'DPG Explorer';

export function pageTitle(parts: TitleParts): string {
  const { insight, paths, selected, focus } = parts;
  let what: string | undefined;
  if (insight?.subject !== undefined) what = `${insight.title}: ${insight.subject}`;
  else if (paths?.from !== undefined && paths.to !== undefined)
    what = `Paths from ${paths.from} to ${paths.to}`;
  else if (selected !== undefined && focus !== undefined && selected !== focus)
    what = `${selected} · ${focus}`;
  else what = selected ?? focus;
  return what === undefined ? APP_NAME : `${what} — ${APP_NAME}`;
}
