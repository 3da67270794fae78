// Unit tests of the on-demand loading of the fCoSE extension (web/src/lib/graph/fcose-loader.ts):
// one import for concurrent callers, registered once, a failed import tried again, and the real
// extension usable as a layout once loaded.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { extensionLoader, fcoseLoader } from '../../web/src/lib/graph/fcose-loader.ts';
import { overviewLayout, withSeededRandom, LAYOUT_SEED } from '../../web/src/lib/graph/layout.ts';

const extension = (() => {}) as unknown as cytoscape.Ext;

describe('extensionLoader', () => {
  it('imports once for callers that ask while it loads, and registers once', async () => {
    let imports = 0;
    const registered: cytoscape.Ext[] = [];
    const loader = extensionLoader(
      async () => {
        imports += 1;
        return { default: extension };
      },
      (ext) => registered.push(ext),
    );
    expect(loader.loaded).toBe(false);
    await Promise.all([loader.load(), loader.load(), loader.load()]);
    await loader.load();
    expect(imports).toBe(1);
    expect(registered).toEqual([extension]);
    expect(loader.loaded).toBe(true);
  });

  it('rejects a failed import, stays unloaded, and imports again on the next call', async () => {
    let attempt = 0;
    const registered: cytoscape.Ext[] = [];
    const loader = extensionLoader(
      async () => {
        attempt += 1;
        if (attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return { default: extension };
      },
      (ext) => registered.push(ext),
    );
    await expect(loader.load()).rejects.toBeInstanceOf(TypeError);
    expect(loader.loaded).toBe(false);
    expect(registered).toEqual([]);
    await loader.load();
    expect(attempt).toBe(2);
    expect(loader.loaded).toBe(true);
    expect(registered).toEqual([extension]);
  });
});

describe('fcoseLoader', () => {
  it('registers fCoSE with Cytoscape, and the seeded layout then runs and repeats itself', async () => {
    await fcoseLoader.load();
    expect(fcoseLoader.loaded).toBe(true);
    const layOut = () => {
      const cy = cytoscape({
        headless: true,
        styleEnabled: true,
        elements: [
          ...['a', 'b', 'c', 'd'].map((id) => ({ data: { id, degree: 2 } })),
          { data: { id: 'ab', source: 'a', target: 'b' } },
          { data: { id: 'bc', source: 'b', target: 'c' } },
          { data: { id: 'cd', source: 'c', target: 'd' } },
          { data: { id: 'da', source: 'd', target: 'a' } },
        ],
        style: [{ selector: 'node', style: { width: 30, height: 30 } }],
      });
      const layout = cy.layout(overviewLayout(true) as unknown as cytoscape.LayoutOptions);
      withSeededRandom(LAYOUT_SEED, () => layout.run());
      const positions = cy.nodes().map((node) => ({ ...node.position() }));
      cy.destroy();
      return positions;
    };
    const first = layOut();
    expect(new Set(first.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`)).size).toBe(4);
    expect(layOut()).toEqual(first);
  });
});
