// Unit test of selectionStory (web/src/lib/graph/selection-story.ts) on a headless Cytoscape: the
// path or insight a selected node is part of joins its context; a node outside it gets none.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { selectionStory } from '../../web/src/lib/graph/selection-story.ts';

/** a → b → c → d is a found path; e hangs off a, f off d; g, h, i are an insight's entities. */
function graph() {
  const node = (id: string, onPath = false) => ({ data: { id, ...(onPath ? { onPath: 1 } : {}) } });
  const edge = (source: string, target: string, onPath = false) => ({
    data: { id: `${source}-${target}`, source, target, ...(onPath ? { onPath: 1 } : {}) },
  });
  return cytoscape({
    headless: true,
    elements: [
      ...['a', 'b', 'c', 'd'].map((id) => node(id, true)),
      ...['e', 'f', 'g', 'h', 'i'].map((id) => node(id)),
      edge('a', 'b', true),
      edge('b', 'c', true),
      edge('c', 'd', true),
      edge('a', 'e'),
      edge('d', 'f'),
      edge('g', 'h'),
      edge('h', 'i'),
      edge('g', 'a'),
    ],
  });
}

const ids = (collection: cytoscape.CollectionReturnValue) => collection.map((e) => e.id()).sort();

describe('selectionStory', () => {
  it('is the whole found path, nodes and edges, when the selected node is on it', () => {
    const cy = graph();
    expect(ids(selectionStory(cy, cy.getElementById('a'), null))).toEqual(
      ['a', 'a-b', 'b', 'b-c', 'c', 'c-d', 'd'].sort(),
    );
    // Off the path, no story: the neighbourhood alone is the context.
    expect(ids(selectionStory(cy, cy.getElementById('e'), null))).toEqual([]);
    expect(ids(selectionStory(cy, cy.collection(), null))).toEqual([]);
    cy.destroy();
  });

  it('is an insight’s entities and the relationships among them when the selected node is one', () => {
    const cy = graph();
    const insight = new Set(['g', 'h', 'i', 'not-on-canvas']);
    expect(ids(selectionStory(cy, cy.getElementById('g'), insight))).toEqual(
      ['g', 'g-h', 'h', 'h-i', 'i'].sort(),
    );
    expect(ids(selectionStory(cy, cy.getElementById('f'), insight))).toEqual([]);
    cy.destroy();
  });
});
