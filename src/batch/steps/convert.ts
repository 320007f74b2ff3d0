/**
 * `convert`: choose the output format (`png` 8/16-bit or `npy` `[C, H, W]` float32) and the
 * colours (`keep`, `gray` = BT.601 luma, `drop-alpha`), like `convolab convert`.
 */
import { dropAlpha, toGray } from '../../io/image.js';
import { join, oneOf } from '../schema.js';
import type { Item, OutputFormat, Step } from '../step.js';

export interface ConvertOptions {
  format: OutputFormat | undefined;
  bitDepth: 8 | 16 | undefined;
  color: 'keep' | 'gray' | 'drop-alpha';
}

export const convert: Step<ConvertOptions> = {
  name: 'convert',
  summary: 'output format (png | npy), PNG bit depth, colours (keep | gray | drop-alpha)',
  options: {
    format: '"png" (default) or "npy" ([C, H, W] float32)',
    bitDepth: 'PNG bit depth, 8 or 16 (default: 16 for a >8-bit source, else 8)',
    color: '"keep" (default), "gray" (BT.601 luma) or "drop-alpha"',
  },
  parse(o, path) {
    return {
      format: o.format === undefined ? undefined : oneOf(o.format, join(path, 'format'), ['png', 'npy'] as const),
      bitDepth: o.bitDepth === undefined ? undefined : oneOf(o.bitDepth, join(path, 'bitDepth'), [8, 16] as const),
      color: o.color === undefined ? 'keep' : oneOf(o.color, join(path, 'color'), ['keep', 'gray', 'drop-alpha'] as const),
    };
  },
  outputFormat: (o) => o.format,
  apply(item: Item, o): Item {
    const image = o.color === 'gray' ? toGray(item.image) : o.color === 'drop-alpha' ? dropAlpha(item.image) : item.image;
    return { ...item, image, format: o.format ?? item.format, bitDepth: o.bitDepth ?? item.bitDepth };
  },
};
