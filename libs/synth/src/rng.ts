/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32). Every random choice the generator
 * makes comes from one of these, so a seed fixes the output byte for byte.
 */
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Discrete power law on [min, max] with exponent alpha (heavy tail), by inverse transform. */
  powerLaw(min: number, max: number, alpha: number): number {
    const u = this.float();
    const a = 1 - alpha;
    const lo = Math.pow(min, a);
    const hi = Math.pow(max + 1, a);
    return Math.min(max, Math.floor(Math.pow(lo + u * (hi - lo), 1 / a)));
  }

  /** An index drawn with probability proportional to weights given as a cumulative array. */
  weighted(cumulative: Float64Array): number {
    const total = cumulative[cumulative.length - 1]!;
    const x = this.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // Built from character codes rather than by appending: appended strings of 13 characters and more are
  // kept as chains of pieces, and a world holding a device id per seller would hold those chains.
  digits(n: number): string {
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = 48 + this.int(10);
    return String.fromCharCode(...codes);
  }

  hex(n: number): string {
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = HEX_CODES[this.int(16)]!;
    return String.fromCharCode(...codes);
  }
}
