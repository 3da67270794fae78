/**
 * The random draws the synthetic graph generator makes, all from one seeded generator
 * (server/insights/seeded-random.ts, mulberry32), so a seed always gives the same graph: uniform
 * and weighted picks, Zipf-ranked picks (a few hubs, a long tail) and bounded power-law counts.
 */
import { seededRandom } from '../../server/insights/seeded-random.ts';

/** A discrete distribution over 0…n-1 given by weights; draws by binary search on the sums. */
export class DiscreteSampler {
  private readonly cumulative: Float64Array;

  /** @throws Error when there are no weights or one is negative or not finite. */
  constructor(weights: ArrayLike<number>) {
    if (weights.length === 0) throw new Error('synthetic-random: a sampler needs weights');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw new Error(`synthetic-random: weight ${i} is ${w}, not a finite non-negative number`);
      }
      sum += w;
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new Error('synthetic-random: the weights sum to zero');
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** The index whose share of the total weight `u` (in [0, 1)) falls in. */
  index(u: number): number {
    const target = u * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Ranks 0…n-1 with weight (rank + 1)^-exponent: Zipf's law, rank 0 the biggest hub. */
export function zipfSampler(n: number, exponent: number): DiscreteSampler {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = (i + 1) ** -exponent;
  return new DiscreteSampler(weights);
}

/** Counts lo…hi with weight k^-exponent: mostly small, now and then large. */
export class PowerLawCount {
  private readonly sampler: DiscreteSampler;

  constructor(
    readonly lo: number,
    readonly hi: number,
    exponent: number,
  ) {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi < lo) {
      throw new Error(`synthetic-random: bad power-law range ${lo}–${hi}`);
    }
    const weights = new Float64Array(hi - lo + 1);
    for (let k = lo; k <= hi; k++) weights[k - lo] = k ** -exponent;
    this.sampler = new DiscreteSampler(weights);
  }

  draw(random: SyntheticRandom): number {
    return this.lo + this.sampler.index(random.float());
  }
}

/** The seeded generator with the draws the generator needs. */
export class SyntheticRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed >>> 0);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in lo…hi (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** An index drawn from a sampler. */
  draw(sampler: DiscreteSampler): number {
    return sampler.index(this.next());
  }

  /** An index from `probabilities` (they need not sum to exactly 1; the last takes the rest). */
  choose(probabilities: readonly number[]): number {
    let u = this.next();
    for (let i = 0; i < probabilities.length - 1; i++) {
      u -= probabilities[i]!;
      if (u < 0) return i;
    }
    return probabilities.length - 1;
  }

  /**
   * Up to `count` distinct indices from a sampler, by redrawing repeats; gives up on a slot after
   * a bounded number of redraws, so a count near the sampler's size still ends.
   */
  distinct(sampler: DiscreteSampler, count: number, exclude?: ReadonlySet<number>): number[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, sampler.size - (exclude?.size ?? 0));
    let attempts = 0;
    while (chosen.size < wanted && attempts < wanted * 50) {
      const i = sampler.index(this.next());
      attempts++;
      if (exclude?.has(i)) continue;
      chosen.add(i);
    }
    return [...chosen];
  }

  /**
   * `count` distinct indices weighted by `weights`, without replacement (Efraimidis–Spirakis
   * keys), for drawing most of a small list — e.g. 150 of the 249 countries.
   */
  weightedSample(weights: ArrayLike<number>, count: number): number[] {
    const keyed: [number, number][] = [];
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (w > 0) keyed.push([this.next() ** (1 / w), i]);
    }
    keyed.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return keyed.slice(0, count).map(([, i]) => i);
  }
}
