/**
 * Label placement without overlaps. Labels are placed greedily in priority order: below their node if
 * that spot is free, else above it, else to its left or right (the text aligned away from the node,
 * centred on it vertically), else, where it has one, its shorter name (an SDG's number, a name's
 * acronym) on those sides, else the label is hidden (it still shows on hover and selection).
 * A spot is free when it overlaps neither an already placed label nor another node's body; a spot
 * beside the node must also keep off the relationships drawn there: its own relationships (which
 * leave it sideways as often as not) and the ends of every other one, where their arrowheads are.
 * Below and above came first and stay first: a name under its node reads as the node's, and
 * a long one beside a hub (DHIS2's owner, the University of Oslo's HISP) found neither of them free
 * and went unnamed while room was left on either side. On the screen every label also stays inside
 * the frame of the view it is placed for (viewport.ts `labelFrame`): one below or above its node at
 * the frame's edge is moved sideways just inside it (see frameShift), one that cannot be (past the
 * frame's top or bottom) tries the next
 * spot; and no label lies under a floating panel (the legend) or across the Tree layout's routed
 * lines (tree-routes.ts), whatever its side. The forced label (the selected node) goes
 * first and stays below its node if no spot is free; the
 * preferred ones (its neighbours) go next, taking turns by type, and are hidden like the rest when
 * they find no spot. A prominent label (one of the few biggest nodes) may lie over lesser nodes'
 * bodies when no side is clear of them, never over labels: in a dense core every spot touches
 * some node, and the biggest nodes, the ones a reader looks for first, lost their names while
 * small nodes at the edge kept theirs. Labels are sized in model units, so overlaps do not depend
 * on zoom and one pass per layout is enough. Text is measured by a {@link TextWidth}: in the browser
 * the canvas's own font metrics (text-width.ts), elsewhere an average glyph advance, which
 * underestimated bold and capitalised names by a fifth to a third ("CommCare": 224 against 289)
 * and let neighbouring labels overlap.
 */

/** An axis-aligned box in model coordinates. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A node whose label is to be placed. */
export interface LabelCandidate {
  id: string;
  /** Node centre. */
  x: number;
  y: number;
  /** Node width and height. */
  size: number;
  fontSize: number;
  text: string;
  /**
   * A shorter name (an SDG's number, a name's acronym: label.ts `compactLabel`) tried on every
   * side where `text` found no room, before the label is hidden. Not for the forced label, which
   * keeps its own name.
   */
  compactText?: string;
  /** Placement order: lower goes first. */
  rank: number;
  /** Placed before every other label and never hidden (the selected node). */
  forced?: boolean;
  /**
   * Placed right after the forced ones, ahead of rank (the selected node's neighbours), but hidden
   * like any other when no spot is free: a dense neighbourhood's names would otherwise pile up.
   */
  preferred?: boolean;
  /** Font weight the label is drawn in (500 when not given); bold text is wider. */
  fontWeight?: number;
  /** Entity type: the preferred labels take turns by type (see placeLabels). */
  type?: string;
  /**
   * May overlap the bodies of nodes that are not prominent (it is drawn above them), never another
   * prominent node's body or any label.
   */
  prominent?: boolean;
  /**
   * May overlap the bodies of nodes that are not prominent, as a prominent label may, without its
   * own body standing in other prominent labels' way (the key nodes of a view zoomed far out,
   * whose labels are bigger than most nodes: see label-scale.ts).
   */
  overBodies?: boolean;
}

/** The Cytoscape event LabelPlacement emits on the instance once it has placed the labels. */
export const LABELS_PLACED_EVENT = 'labelsplaced';

/** The sides of its node a label may take, in the order they are tried. */
export const LABEL_SIDES = ['below', 'above', 'left', 'right'] as const;
/** One of {@link LABEL_SIDES}. */
export type LabelSide = (typeof LABEL_SIDES)[number];
/** Where a label ends up. */
export type LabelPlacement = LabelSide | 'hidden';

/** A relationship drawn between two candidates, by their ids (a beside-the-node label keeps off it). */
export interface LabelEdge {
  source: string;
  target: string;
}

/** Text layout constants; must match the stylesheet (`text-max-width`, `line-height`, `text-margin-y`). */
export const LABEL_METRICS = {
  maxWidth: 150,
  lineHeight: 1.2,
  margin: 5,
  /** Average glyph advance of the UI font, in ems. */
  charWidth: 0.6,
  /** Share of a node's body that counts as an obstacle (shapes do not fill their box). */
  bodyShare: 0.9,
  /**
   * Length of a relationship's end, from the rim of its node outwards, that a label beside a node
   * keeps off: the arrowhead (~8 model px at the edges' width) and a little of the line behind it.
   */
  edgeEnd: 20,
} as const;

/** The width of a run of text drawn at `fontSize` in `fontWeight`, in the font size's units. */
export type TextWidth = (text: string, fontSize: number, fontWeight: number) => number;

/** Where no font can be measured (tests, exports): the average glyph advance of the UI font. */
export const estimateTextWidth: TextWidth = (text, fontSize) =>
  text.length * LABEL_METRICS.charWidth * fontSize;

/** How a label's text is measured: the font weight and the measure (the estimate by default). */
export interface TextMeasure {
  fontWeight?: number;
  textWidth?: TextWidth;
}

/**
 * A label's lines as the canvas wraps it at {@link LABEL_METRICS}.maxWidth (at spaces), and the
 * widest line's width.
 */
export function wrapLabel(
  text: string,
  fontSize: number,
  { fontWeight = 500, textWidth = estimateTextWidth }: TextMeasure = {},
): { lines: string[]; width: number } {
  const advance = textWidth(' ', fontSize, fontWeight);
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  let widest = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = textWidth(word, fontSize, fontWeight);
    if (line.length > 0 && lineWidth + advance + w > LABEL_METRICS.maxWidth) {
      lines.push(line.join(' '));
      widest = Math.max(widest, lineWidth);
      line = [word];
      lineWidth = w;
    } else {
      lineWidth += (line.length > 0 ? advance : 0) + w;
      line.push(word);
    }
  }
  if (line.length > 0) lines.push(line.join(' '));
  widest = Math.max(widest, lineWidth);
  return {
    lines: lines.length > 0 ? lines : [''],
    width: Math.min(LABEL_METRICS.maxWidth, widest),
  };
}

/** Width and height of a label wrapped at {@link LABEL_METRICS}.maxWidth. */
export function measureLabel(
  text: string,
  fontSize: number,
  measure: TextMeasure = {},
): { width: number; height: number } {
  const { lines, width } = wrapLabel(text, fontSize, measure);
  return { width, height: lines.length * fontSize * LABEL_METRICS.lineHeight };
}

/**
 * The box a label would occupy on one side of its node: below or above it, centred; left or right
 * of it, centred on it vertically (the stylesheet's `text-halign` with `text-valign: center`).
 */
export function labelRect(
  candidate: LabelCandidate,
  side: LabelSide,
  textWidth: TextWidth = estimateTextWidth,
): Rect {
  const { width, height } = measureLabel(candidate.text, candidate.fontSize, {
    fontWeight: candidate.fontWeight,
    textWidth,
  });
  const half = candidate.size / 2 + LABEL_METRICS.margin;
  const { x, y } = candidate;
  switch (side) {
    case 'below':
      return { x1: x - width / 2, y1: y + half, x2: x + width / 2, y2: y + half + height };
    case 'above':
      return { x1: x - width / 2, y1: y - half - height, x2: x + width / 2, y2: y - half };
    case 'left':
      return { x1: x - half - width, y1: y - height / 2, x2: x - half, y2: y + height / 2 };
    case 'right':
      return { x1: x + half, y1: y - height / 2, x2: x + half + width, y2: y + height / 2 };
  }
}

/**
 * How far a label below or above its node moves sideways to stay inside `frame`: 0 where it fits
 * centred, undefined where no move keeps it inside (it is wider than the frame, hangs past its top
 * or bottom, or would have to leave its node's centre `anchorX` behind it). Such a label is moved,
 * not sent to the next spot: moved just inside the frame's edge, it still lies under (or over) its
 * node, where a name reads as the node's, while the next spot above meets the same edge and one
 * beside the node leaves it on the side that has no room, or hides the name; the overview's
 * "Digital Impact Alliance" at a phone's right edge was cut by the canvas's edge.
 */
export function frameShift(rect: Rect, frame: Rect, anchorX: number): number | undefined {
  if (rect.y1 < frame.y1 || rect.y2 > frame.y2) return undefined;
  if (rect.x2 - rect.x1 > frame.x2 - frame.x1) return undefined;
  const shift =
    rect.x1 < frame.x1 ? frame.x1 - rect.x1 : rect.x2 > frame.x2 ? frame.x2 - rect.x2 : 0;
  return rect.x1 + shift <= anchorX && anchorX <= rect.x2 + shift ? shift : undefined;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** A line segment in model coordinates. */
export interface LineSegment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** Whether a segment passes through the inside of a box (Liang–Barsky clipping). */
export function segmentCrosses(segment: LineSegment, rect: Rect): boolean {
  const { ax, ay } = segment;
  const dx = segment.bx - ax;
  const dy = segment.by - ay;
  let t0 = 0;
  let t1 = 1;
  // Each side of the box as p·t < q: the part of the segment inside it.
  for (const [p, q] of [
    [-dx, ax - rect.x1],
    [dx, rect.x2 - ax],
    [-dy, ay - rect.y1],
    [dy, rect.y2 - ay],
  ] as const) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

const boundsOf = (s: LineSegment): Rect => ({
  x1: Math.min(s.ax, s.bx),
  y1: Math.min(s.ay, s.by),
  x2: Math.max(s.ax, s.bx),
  y2: Math.max(s.ay, s.by),
});

/** A uniform grid of rectangles for overlap queries. */
class RectGrid {
  private readonly cells = new Map<string, Array<{ rect: Rect; owner: string }>>();

  constructor(private readonly cellSize: number) {}

  private *keys(rect: Rect): Generator<string> {
    const s = this.cellSize;
    for (let cx = Math.floor(rect.x1 / s); cx <= Math.floor(rect.x2 / s); cx++) {
      for (let cy = Math.floor(rect.y1 / s); cy <= Math.floor(rect.y2 / s); cy++)
        yield `${cx},${cy}`;
    }
  }

  /** The entries stored in the cells `rect` touches (an entry may come more than once). */
  *near(rect: Rect): Generator<{ rect: Rect; owner: string }> {
    for (const key of this.keys(rect)) yield* this.cells.get(key) ?? [];
  }

  add(rect: Rect, owner: string): void {
    for (const key of this.keys(rect)) {
      const cell = this.cells.get(key);
      if (cell) cell.push({ rect, owner });
      else this.cells.set(key, [{ rect, owner }]);
    }
  }

  /** Whether `rect` overlaps any stored rectangle not owned by `ignore`. */
  hits(rect: Rect, ignore: string): boolean {
    for (const key of this.keys(rect)) {
      for (const entry of this.cells.get(key) ?? []) {
        if (entry.owner !== ignore && overlaps(rect, entry.rect)) return true;
      }
    }
    return false;
  }
}

/**
 * What stands in the way of a label beside its node: the ends of every relationship drawn (their
 * first {@link LABEL_METRICS}.edgeEnd model px from each node's rim) and the whole of the node's own
 * relationships. Built on the first label that looks beside its node.
 */
class EdgeObstacles {
  private readonly ends = new RectGrid(128);
  private readonly segments: LineSegment[] = [];
  private readonly own = new Map<string, LineSegment[]>();

  constructor(candidates: readonly LabelCandidate[], edges: readonly LabelEdge[]) {
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const end = (from: LabelCandidate, ux: number, uy: number): LineSegment => {
      const r = from.size / 2;
      return {
        ax: from.x + ux * r,
        ay: from.y + uy * r,
        bx: from.x + ux * (r + LABEL_METRICS.edgeEnd),
        by: from.y + uy * (r + LABEL_METRICS.edgeEnd),
      };
    };
    for (const edge of edges) {
      const a = byId.get(edge.source);
      const b = byId.get(edge.target);
      if (!a || !b || a === b) continue;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      if (length === 0) continue;
      const ux = (b.x - a.x) / length;
      const uy = (b.y - a.y) / length;
      for (const segment of [end(a, ux, uy), end(b, -ux, -uy)]) {
        this.ends.add(boundsOf(segment), String(this.segments.length));
        this.segments.push(segment);
      }
      const whole = { ax: a.x, ay: a.y, bx: b.x, by: b.y };
      for (const id of [a.id, b.id]) {
        const list = this.own.get(id);
        if (list) list.push(whole);
        else this.own.set(id, [whole]);
      }
    }
  }

  /** Whether `rect`, a label of `owner` beside it, lies across a relationship's end or its own. */
  hits(rect: Rect, owner: string): boolean {
    for (const entry of this.ends.near(rect)) {
      if (overlaps(rect, entry.rect) && segmentCrosses(this.segments[Number(entry.owner)]!, rect))
        return true;
    }
    return (this.own.get(owner) ?? []).some((segment) => segmentCrosses(segment, rect));
  }
}

/** What else a label beside its node must keep to. */
export interface SidePlacementLimits {
  /** The relationships drawn between candidates: a label beside its node keeps off them. */
  edges?: readonly LabelEdge[];
  /**
   * The box every label must stay within (candidates' coordinates): on the screen, what the fitted
   * view shows. The fit makes room for the labels as drawn before they are placed (below their
   * nodes), and a big graph's only as a margin round its nodes, so a label reaching outward from a
   * node at the graph's edge was cut by the canvas's edge or hidden under a floating panel (the
   * overview on a phone: HURIDOCS, Digital Square beside their nodes; Digital Impact Alliance above
   * its node, its labels grown for the far-out zoom well past that margin). A label below or above
   * its node is moved sideways to stay inside (see {@link frameShift}); the caller draws it moved by
   * the same function.
   */
  frame?: Rect;
  /**
   * Boxes no label may lie in, on any side of its node (candidates' coordinates): on the screen, the
   * floating panels over the canvas. A small graph's labels may reach past the strip its fit keeps
   * clear of the legend (over the legend's strip, above the legend itself, is canvas to use), and a
   * name put left of a node near the legend went under it, hidden.
   */
  occupied?: readonly Rect[];
  /**
   * Lines no label may lie across, on any side of its node: the Tree layout's routed lines
   * (tree-routes.ts), which run along the gap above a wrapped row and down into each node of it,
   * where a name placed above its node sat on them; only a prominent label may, where no side of
   * its node is clear of them. The relationships they draw are left out of `edges`, which takes
   * each as the straight line between its ends.
   */
  lines?: readonly LineSegment[];
}

/** A uniform grid of lines, for asking which cross a label's box. */
class LineGrid {
  private readonly grid = new RectGrid(128);

  constructor(private readonly lines: readonly LineSegment[]) {
    lines.forEach((line, i) => this.grid.add(boundsOf(line), String(i)));
  }

  /** Whether any line passes through the inside of `rect`. */
  crosses(rect: Rect): boolean {
    for (const entry of this.grid.near(rect)) {
      if (segmentCrosses(this.lines[Number(entry.owner)]!, rect)) return true;
    }
    return false;
  }
}

/** Places every candidate's label; see the module comment for the rule. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  textWidth: TextWidth = estimateTextWidth,
  limits: SidePlacementLimits = {},
): Map<string, LabelPlacement> {
  return placeLabelsInFrame(candidates, textWidth, limits).sides;
}

/**
 * {@link placeLabels}, with how far each label below or above its node was moved sideways to stay
 * inside the frame (candidates' units; only the moved ones), for the canvas to draw it there, and
 * which labels found room only over other nodes' bodies or across a routed line (a prominent
 * label's fallback): an exported picture spreads its nodes apart rather than draw them so; and
 * which labels took their shorter name (`compactText`) for want of room for their own.
 */
export function placeLabelsInFrame(
  candidates: readonly LabelCandidate[],
  textWidth: TextWidth = estimateTextWidth,
  { edges = [], frame, occupied = [], lines = [] }: SidePlacementLimits = {},
): {
  sides: Map<string, LabelPlacement>;
  shifts: Map<string, number>;
  overlapping: Set<string>;
  compact: Set<string>;
} {
  // A prominent node is drawn above the others with its label (`label-over`), so only the other
  // prominent nodes' bodies stand in a prominent label's way, and those of the selection and its
  // neighbours (forced, preferred), drawn above everything. A label allowed over bodies
  // (`overBodies`, a key node's, drawn above lesser nodes by its tier) lies over lesser nodes only:
  // the other key nodes, drawn at its own level, would cover it.
  const prominentBodies = new RectGrid(128);
  const raisedBodies = new RectGrid(128);
  const otherBodies = new RectGrid(128);
  const labels = new RectGrid(128);
  for (const c of candidates) {
    const r = (c.size / 2) * LABEL_METRICS.bodyShare;
    const body = { x1: c.x - r, y1: c.y - r, x2: c.x + r, y2: c.y + r };
    (c.prominent || c.forced || c.preferred
      ? prominentBodies
      : c.overBodies
        ? raisedBodies
        : otherBodies
    ).add(body, c.id);
  }
  let edgeObstacles: EdgeObstacles | undefined;
  const routed = new LineGrid(lines);
  const free = (
    rect: Rect,
    candidate: LabelCandidate,
    side: LabelSide,
    overBodies: boolean,
    acrossLines: boolean,
  ) =>
    !occupied.some((panel) => overlaps(rect, panel)) &&
    (acrossLines || !routed.crosses(rect)) &&
    !labels.hits(rect, candidate.id) &&
    !prominentBodies.hits(rect, candidate.id) &&
    ((overBodies && candidate.prominent) || !raisedBodies.hits(rect, candidate.id)) &&
    (overBodies || !otherBodies.hits(rect, candidate.id)) &&
    // Beside its node, a label lies where relationships leave it: it keeps off them, and inside
    // the frame (one below or above it was moved inside by `spot`).
    ((side !== 'left' && side !== 'right') ||
      ((!frame ||
        (rect.x1 >= frame.x1 &&
          rect.x2 <= frame.x2 &&
          rect.y1 >= frame.y1 &&
          rect.y2 <= frame.y2)) &&
        !(edgeObstacles ??= new EdgeObstacles(candidates, edges)).hits(rect, candidate.id)));
  /**
   * The box a label takes on `side`, below or above its node moved into the frame by `shift`;
   * none if it cannot be.
   */
  const spot = (
    candidate: LabelCandidate,
    side: LabelSide,
  ): { rect: Rect; shift: number } | undefined => {
    const rect = labelRect(candidate, side, textWidth);
    if (!frame || side === 'left' || side === 'right') return { rect, shift: 0 };
    const shift = frameShift(rect, frame, candidate.x);
    return shift === undefined
      ? undefined
      : { rect: { ...rect, x1: rect.x1 + shift, x2: rect.x2 + shift }, shift };
  };
  const shifts = new Map<string, number>();
  const placements = new Map<string, LabelPlacement>();
  const overlapping = new Set<string>();
  const compact = new Set<string>();
  // The selected node's neighbours take turns by type (the best-ranked of each type, then the
  // second of each…): a DPG deployed in 117 countries had its one owner's name crowded out.
  const turn = new Map<string, number>();
  const byType = new Map<string, LabelCandidate[]>();
  for (const c of candidates) {
    if (!c.preferred) continue;
    const group = byType.get(c.type ?? '');
    if (group) group.push(c);
    else byType.set(c.type ?? '', [c]);
  }
  for (const group of byType.values())
    group
      .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
      .forEach((c, i) => turn.set(c.id, i));
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(Boolean(b.forced)) - Number(Boolean(a.forced)) ||
      Number(Boolean(b.preferred)) - Number(Boolean(a.preferred)) ||
      (turn.get(a.id) ?? 0) - (turn.get(b.id) ?? 0) ||
      a.rank - b.rank ||
      a.id.localeCompare(b.id),
  );
  // A prominent label still takes a spot clear of every body where it has one: lying over a
  // lesser node is the fallback, not the first choice (it made "Supporting…" sit on a neighbour
  // while the spot above was free).
  // Last of all, across a routed line (drawn under the label): in Kenya's Tree a hub's three-line
  // name met the run along the row below it and the line coming down to it from above, and a
  // reader looks for the hubs' names first.
  // A shorter name (compactText) on a side as clear comes before the full one over bodies or lines.
  const level = (overBodies: boolean, acrossLines: boolean) =>
    LABEL_SIDES.map((side) => ({ side, overBodies, acrossLines }));
  const clear = [level(false, false)];
  const over = [...clear, level(true, false), level(true, true)];
  for (const candidate of ordered) {
    // A node drawn without a label (behind a found path) leaves its room to the others.
    if (candidate.text === '') {
      placements.set(candidate.id, 'hidden');
      continue;
    }
    const tries = candidate.prominent || candidate.overBodies ? over : clear;
    const texts = [
      candidate,
      ...(candidate.compactText && !candidate.forced
        ? [{ ...candidate, text: candidate.compactText }]
        : []),
    ];
    let placed: LabelPlacement = 'hidden';
    search: for (const sides of tries)
      for (const text of texts)
        for (const { side, overBodies, acrossLines } of sides) {
          const found = spot(text, side);
          if (found && free(found.rect, text, side, overBodies, acrossLines)) {
            labels.add(found.rect, candidate.id);
            if (found.shift !== 0) shifts.set(candidate.id, found.shift);
            // Every clear side was tried first: this one lies over a body or a line.
            if (overBodies) overlapping.add(candidate.id);
            if (text !== candidate) compact.add(candidate.id);
            placed = side;
            break search;
          }
        }
    if (placed === 'hidden' && candidate.forced) {
      const found = spot(candidate, 'below');
      labels.add(found?.rect ?? labelRect(candidate, 'below', textWidth), candidate.id);
      if (found && found.shift !== 0) shifts.set(candidate.id, found.shift);
      placed = 'below';
    }
    placements.set(candidate.id, placed);
  }
  return { sides: placements, shifts, overlapping, compact };
}
