import { describe, expect, it } from 'vitest';
import { createProgress, renderBar } from '../../src/cli/progress.js';

describe('progress', () => {
  it('renderBar("W0", 3, 6, 10) is half filled', () => {
    expect(renderBar('W0', 3, 6, 10)).toBe('W0 [#####-----] 3/6');
  });

  it('createProgress on a non-TTY stderr writes nothing', () => {
    const err: string[] = [];
    const p = createProgress({ stderr: (t) => err.push(t), stderrIsTTY: false }, 'x', 4);
    p.update(2);
    p.done();
    expect(err).toEqual([]);
  });

  it('createProgress on a TTY redraws at most every intervalMs and clears on done()', () => {
    const err: string[] = [];
    let t = 0;
    const p = createProgress({ stderr: (s) => err.push(s), stderrIsTTY: true }, 'x', 4, { width: 4, intervalMs: 100, now: () => t });
    p.update(1);
    t = 50;
    p.update(2); // too soon: skipped
    t = 200;
    p.update(3);
    p.update(4); // the last step always draws
    p.done();
    expect(err).toEqual(['\r\x1b[2Kx [#---] 1/4', '\r\x1b[2Kx [###-] 3/4', '\r\x1b[2Kx [####] 4/4', '\r\x1b[2K']);
  });
});
