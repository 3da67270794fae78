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
 * With nothing selected, a found path is the story on its own: its nodes and edges (`onPath`),
 * drawn over a backdrop without labels (FocusHighlight) and named first (LabelPlacement). Empty
 * while a node is selected, or when no path is shown.
 */
export function pathStory(
  cy: cytoscape.Core,
  selected: cytoscape.CollectionReturnValue,
): cytoscape.CollectionReturnValue {
  return selected.empty() ? cy.elements('[?onPath]') : cy.collection();
}
