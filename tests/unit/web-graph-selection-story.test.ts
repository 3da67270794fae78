// Unit test of selectionStory and pathStory (web/src/lib/graph/selection-story.ts) on a headless
// Cytoscape: the path or insight a selected node is part of joins its context; a node outside it
// gets none; a found path is the story alone with nothing selected or one of its ends selected.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { pathStory, selectionStory } from '../../web/src/lib/graph/selection-story.ts';

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

describe('pathStory', () => {
  const path = ['a', 'a-b', 'b', 'b-c', 'c', 'c-d', 'd'].sort();

  it('is the found path with nothing selected', () => {
    const cy = graph();
    expect(ids(pathStory(cy, cy.collection(), ['a', 'd']))).toEqual(path);
    cy.destroy();
  });

  it('is the found path with one of its ends selected: "Paths from here" keeps the end selected', () => {
    const cy = graph();
    expect(ids(pathStory(cy, cy.getElementById('a'), ['a', 'd']))).toEqual(path);
    expect(ids(pathStory(cy, cy.getElementById('d'), ['a', 'd']))).toEqual(path);
    cy.destroy();
  });

  it('is nothing with an inner node or a node off the path selected: its neighbourhood is the context', () => {
    const cy = graph();
    expect(ids(pathStory(cy, cy.getElementById('b'), ['a', 'd']))).toEqual([]);
    expect(ids(pathStory(cy, cy.getElementById('e'), ['a', 'd']))).toEqual([]);
    // An end the canvas shows no path to (filtered away): nothing either.
    expect(ids(pathStory(cy, cy.getElementById('e'), ['e', 'x']))).toEqual([]);
    cy.destroy();
  });
});
