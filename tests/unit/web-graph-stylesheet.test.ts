// Unit tests of the Cytoscape stylesheet and palette (web/src/lib/graph/stylesheet.ts, palette.ts),
// applied to a headless Cytoscape instance so the styles are checked the way Cytoscape resolves them.
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../web/src/lib/api/types.ts';
import {
  ENTITY_STYLES,
  FALLBACK_STYLE,
  OKABE_ITO,
  createStylesheet,
  entityStyle,
  toCytoscapeElements,
} from '../../web/src/lib/graph/index.ts';
import { setLabelScale } from '../../web/src/lib/graph/label-scale.ts';
import { labelShift, setLabelShift } from '../../web/src/lib/graph/label-shift.ts';
import { ENTITY_TYPES } from '../../web/src/lib/vocabulary/index.ts';

const overview = JSON.parse(
  readFileSync(new URL('./fixtures/web/overview.json', import.meta.url), 'utf8'),
) as OverviewResponse;

let cy: cytoscape.Core | undefined;
afterEach(() => cy?.destroy());

function headless(): cytoscape.Core {
  cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: createStylesheet({ motion: false }),
    elements: toCytoscapeElements(overview, { hiddenTypes: new Set() }),
  });
  return cy;
}

/** Cytoscape reports colours as `rgb(r,g,b)`. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

describe('createStylesheet', () => {
  it('leaves transitions out when motion is off', () => {
    const hasTransitions = (sheet: ReturnType<typeof createStylesheet>) =>
      sheet.some((block) => 'transition-duration' in block.style);
    expect(hasTransitions(createStylesheet())).toBe(true);
    expect(hasTransitions(createStylesheet({ motion: false }))).toBe(false);
    expect(createStylesheet({ motion: false })).toHaveLength(createStylesheet().length);
  });
});

describe('palette', () => {
  it('gives every entity type its own Okabe–Ito colour and its own shape', () => {
    const colours = ENTITY_TYPES.map((t) => ENTITY_STYLES[t].color);
    const shapes = ENTITY_TYPES.map((t) => ENTITY_STYLES[t].shape);
    expect(new Set(colours).size).toBe(ENTITY_TYPES.length);
    expect(new Set(shapes).size).toBe(ENTITY_TYPES.length);
    expect(colours.every((c) => (Object.values(OKABE_ITO) as string[]).includes(c))).toBe(true);
  });

  it('falls back to a neutral style for a type this build does not know', () => {
    expect(entityStyle('Dataset')).toBe(FALLBACK_STYLE);
    expect(entityStyle('DPG')).toBe(ENTITY_STYLES.DPG);
  });
});

describe('stylesheet on a headless Cytoscape', () => {
  it('colours and shapes each node by its type', () => {
    const instance = headless();
    for (const node of instance.nodes()) {
      const style = entityStyle(String(node.data('type')));
      expect(node.style('background-color')).toBe(rgb(style.color));
      expect(node.style('shape')).toBe(style.shape);
    }
  });

  it('sizes nodes and their labels from element data', () => {
    const node = headless().getElementById('org:unicef');
    expect(node.style('width')).toBe(`${node.data('size')}px`);
    expect(node.style('font-size')).toBe(`${node.data('fontSize')}px`);
    expect(node.style('label')).toBe('UNICEF');
  });

  it('grows every label metric by the label scale, and only the labels', () => {
    const instance = headless();
    const node = instance.getElementById('org:unicef');
    const before = {
      font: parseFloat(node.style('font-size')),
      margin: parseFloat(node.style('text-margin-y')),
      wrap: parseFloat(node.style('text-max-width')),
      outline: parseFloat(node.style('text-outline-width')),
      width: node.style('width'),
    };
    expect(setLabelScale(instance, 2.5)).toBe(true);
    expect(setLabelScale(instance, 2.5)).toBe(false);
    expect(parseFloat(node.style('font-size'))).toBeCloseTo(before.font * 2.5);
    expect(parseFloat(node.style('text-margin-y'))).toBeCloseTo(before.margin * 2.5);
    expect(parseFloat(node.style('text-max-width'))).toBeCloseTo(before.wrap * 2.5);
    expect(parseFloat(node.style('text-outline-width'))).toBeCloseTo(before.outline * 2.5);
    expect(node.style('width')).toBe(before.width);
    node.addClass('label-above');
    expect(parseFloat(node.style('text-margin-y'))).toBeCloseTo(-before.margin * 2.5);
  });

  it('draws a label moved into the frame where placement moved it, and centred once it is not', () => {
    const node = headless().getElementById('org:unicef');
    expect(parseFloat(node.style('text-margin-x'))).toBe(0);
    setLabelShift(node, -22);
    node.addClass('label-shifted');
    expect(parseFloat(node.style('text-margin-x'))).toBe(-22);
    setLabelShift(node, 14);
    expect(parseFloat(node.style('text-margin-x'))).toBe(14);
    expect(() => setLabelShift(node, Number.NaN)).toThrow(RangeError);
    setLabelShift(node, 0);
    node.removeClass('label-shifted');
    expect(labelShift(node)).toBe(0);
    expect(parseFloat(node.style('text-margin-x'))).toBe(0);
  });

  it('hides a label for level of detail and placement, and shows it again on hover', () => {
    const node = headless().getElementById('org:giz');
    node.addClass('lod-hidden');
    expect(node.style('label')).toBe('');
    node.removeClass('lod-hidden').addClass('label-culled');
    expect(node.style('label')).toBe('');
    node.addClass('emphasised');
    expect(node.style('label')).toBe('GIZ');
  });

  it('keeps a prominent label above lesser neighbours when all are in context', () => {
    const graph = headless();
    const [big, small] = [graph.nodes()[0]!, graph.nodes()[1]!];
    big.addClass('label-over context');
    small.addClass('context');
    // Context raises every neighbour; the prominent one must stay drawn above the others.
    expect(Number(big.style('z-index'))).toBeGreaterThan(Number(small.style('z-index')));
    big.removeClass('context').addClass('emphasised');
    small.removeClass('context').addClass('emphasised');
    expect(Number(big.style('z-index'))).toBeGreaterThan(Number(small.style('z-index')));
  });

  it("shows the full name of a hovered node, and the selected node's label whatever its tier", () => {
    const instance = headless();
    const node = instance.getElementById(
      'activity:unicef/co-leading-the-community-of-practice-on-ai',
    );
    expect(node.style('label')).not.toBe(node.data('label'));
    node.addClass('hovered');
    expect(node.style('label')).toBe(node.data('label'));
    node.removeClass('hovered').addClass('lod-hidden label-culled').select();
    expect(node.style('label')).toBe(node.data('shortLabel'));
  });

  it('labels edges only when asked to, and dims what is outside the focus', () => {
    const instance = headless();
    const edge = instance.edges()[0]!;
    expect(edge.style('label')).toBe('');
    edge.addClass('labelled');
    expect(edge.style('label')).toBe(edge.data('label'));
    const node = instance.getElementById('country:KZ');
    expect(Number(node.style('opacity'))).toBe(1);
    node.addClass('dimmed');
    expect(Number(node.style('opacity'))).toBeLessThan(0.5);
  });

  it('draws membership dashed and leadership heavier than participation', () => {
    const instance = headless();
    const member = instance.edges('[type = "MEMBER_OF"]')[0]!;
    const leads = instance.edges('[type = "LEADS"]')[0]!;
    const participates = instance.edges('[type = "PARTICIPATES_IN"]')[0]!;
    expect(member.style('line-style')).toBe('dashed');
    expect(Number.parseFloat(leads.style('width'))).toBeGreaterThan(
      Number.parseFloat(participates.style('width')),
    );
  });
});
