/**
 * The story the canvas tells around the selected node, when it is part of one: a path the path
 * finder found (its `onPath` nodes and edges), or the entities of an insight view shown on the
 * canvas (a stakeholder map, collaborators) with the relationships among them. The selection's
 * context is its neighbourhood and that story: with the neighbourhood alone, everything a step
 * further was faded, which is the path's far end and the very stakeholders the reader asked to
 * see.
 */
import type cytoscape from 'cytoscape';

export function selectionStory(
  cy: cytoscape.Core,
  selected: cytoscape.CollectionReturnValue,
  storyIds: ReadonlySet<string> | null,
): cytoscape.CollectionReturnValue {
  let story = cy.collection();
  if (selected.empty()) return story;
  const path = cy.elements('[?onPath]');
  if (path.nodes().contains(selected)) story = story.union(path);
  if (storyIds !== null && storyIds.has(selected.id())) {
    const nodes = cy.nodes().filter((node) => storyIds.has(node.id()));
    story = story.union(nodes).union(nodes.edgesWith(nodes));
  }
  return story;
}

/**
 * A found path as the story on its own: its nodes and edges (`onPath`), drawn over a backdrop
 * without labels (FocusHighlight) and named first (LabelPlacement). So with nothing selected, and
 * with one of the path's `ends` selected: "Paths from here" leaves the start selected, and its
 * whole neighbourhood kept in context had hidden the path on a small screen. Empty while another
 * node is selected (its neighbourhood and the path are then the context), or when no path is shown.
 */
export function pathStory(
  cy: cytoscape.Core,
  selected: cytoscape.CollectionReturnValue,
  ends: readonly string[] = [],
): cytoscape.CollectionReturnValue {
  const path = cy.elements('[?onPath]');
  if (selected.empty()) return path;
  return ends.includes(selected.id()) && path.nodes().contains(selected) ? path : cy.collection();
}
