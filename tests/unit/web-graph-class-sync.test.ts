// Unit test of syncClass (web/src/lib/graph/class-sync.ts) on a headless Cytoscape: only the nodes
// whose class differs are touched, so a controller re-run on an unchanged graph restyles nothing.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { syncClass } from '../../web/src/lib/graph/class-sync.ts';

describe('syncClass', () => {
  it('adds and removes the class where it differs and touches nothing else', () => {
    const cy = cytoscape({
      headless: true,
      elements: ['a', 'b', 'c', 'd'].map((id) => ({ data: { id } })),
    });
    cy.getElementById('a').addClass('x');
    cy.getElementById('b').addClass('x');
    const touched: string[] = [];
    cy.on('class', 'node', (event) => touched.push(event.target.id()));

    syncClass(cy.nodes(), 'x', (node) => node.id() === 'b' || node.id() === 'c');
    expect(cy.nodes('.x').map((node) => node.id())).toEqual(['b', 'c']);
    expect(touched.sort()).toEqual(['a', 'c']);

    touched.length = 0;
    syncClass(cy.nodes(), 'x', (node) => node.id() === 'b' || node.id() === 'c');
    expect(touched).toEqual([]);
    cy.destroy();
  });
});
