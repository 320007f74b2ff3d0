/**
 * The streaming peak picker of findSnippet (snippet.ts): matches are positions whose score is
 * the largest within ±(minDistance − 1) samples, decided as the scores arrive.
 */
/**
 * Peaks of a score stream: positions whose score is the largest within ±(minDistance − 1)
 * (ties go to the earliest), found with a sliding-window maximum (a monotonic deque over the
 * last 2·(minDistance − 1) + 1 scores), and the best `top` of them kept in a small sorted list.
 * Two such peaks are always at least minDistance apart. Memory O(minDistance + top).
 */
export class PeakStream {
  private readonly R: number;
  private readonly pos: Float64Array; // deque ring: positions, scores decreasing from the front
  private readonly val: Float64Array;
  private head = 0;
  private size = 0;
  private q = 0; // positions seen so far
  private readonly best: { offset: number; score: number }[] = []; // best first, at most `top`

  constructor(
    private readonly top: number,
    minDistance: number,
    private readonly threshold: number,
  ) {
    this.R = Math.max(0, Math.ceil(minDistance) - 1);
    this.pos = new Float64Array(2 * this.R + 2);
    this.val = new Float64Array(2 * this.R + 2);
  }

  /** Scores arrive in offset order 0, 1, 2, … */
  push(offset: number, score: number): void {
    const cap = this.pos.length;
    // drop from the back every score below the new one (equal ones stay: the earliest wins)
    for (;;) {
      if (this.size === 0) break;
      let back = this.head + this.size - 1;
      if (back >= cap) back -= cap;
      if (this.val[back] >= score) break;
      this.size--;
    }
    let at = this.head + this.size;
    if (at >= cap) at -= cap;
    this.pos[at] = offset;
    this.val[at] = score;
    this.size++;
    this.q = offset + 1;
    this.decide(offset - this.R);
  }

  finish(): { offset: number; score: number }[] {
    const last = this.q - 1;
    for (let p = Math.max(0, last - this.R + 1); p <= last; p++) this.decide(p);
    return this.best;
  }

  /** Position p, whose window [p − R, p + R] has been seen: a peak if it heads the deque. */
  private decide(p: number): void {
    if (p < 0) return;
    const cap = this.pos.length;
    while (this.size > 0 && this.pos[this.head] < p - this.R) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    if (this.size === 0 || this.pos[this.head] !== p) return;
    const score = this.val[this.head];
    if (!(score >= this.threshold)) return;
    const b = this.best;
    if (b.length === this.top && score <= b[b.length - 1].score) return;
    let i = b.length;
    while (i > 0 && b[i - 1].score < score) i--;
    b.splice(i, 0, { offset: p, score });
    if (b.length > this.top) b.pop();
  }
}
