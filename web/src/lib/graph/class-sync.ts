/**
 * Setting a class on many nodes without restyling the ones that already have it right. Cytoscape's
 * `toggleClass(name, false)` restyles a node even when it lacks the class, and every call emits
 * events, so a controller that toggles each node of a 2,000-node graph one by one spends most of a
 * frame there. This changes only the nodes whose class differs, in one call per direction.
 */
import type cytoscape from 'cytoscape';

/** Gives `name` to the nodes for which `wanted` is true and takes it from the others. */
export function syncClass(
  nodes: cytoscape.NodeCollection,
  name: string,
  wanted: (node: cytoscape.NodeSingular) => boolean,
): void {
  const add = new Set<string>();
  const remove = new Set<string>();
  nodes.forEach((node) => {
    const want = wanted(node);
    if (want !== node.hasClass(name)) (want ? add : remove).add(node.id());
  });
  if (add.size > 0) nodes.filter((node) => add.has(node.id())).addClass(name);
  if (remove.size > 0) nodes.filter((node) => remove.has(node.id())).removeClass(name);
}
