import { describe, expect, it } from 'vitest';
import {
  decodeFashionMnistCache,
  encodeFashionMnistCache,
  FASHION_MNIST_CLASSES,
  fashionMnistFromClasses,
  subsetPerClass,
} from '../../src/io/fashion-mnist.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';

function fakeClasses(perClass: number): number[][][] {
  return Array.from({ length: 10 }, (_, k) => Array.from({ length: perClass }, (_, i) => new Array(784).fill((k * 10 + i) % 256)));
}

describe('Fashion-MNIST', () => {
  it('fashionMnistFromClasses(rows, 3) puts the first 3 of each class in train, the rest in test, skipping empty rows', () => {
    const raw = fakeClasses(5) as unknown as number[][][];
    raw[0].splice(1, 0, []); // the package's class-0 file has empty rows
    const fm = fashionMnistFromClasses(raw, 3);
    expect(fm.train.count).toBe(30);
    expect(fm.test.count).toBe(20);
    expect([...fm.train.labels.subarray(0, 4)]).toEqual([0, 0, 0, 1]);
    expect(fm.train.images[784]).toBe(1); // class 0, row 1 (the empty row skipped)
    expect(fm.test.images[0]).toBe(3); // class 0, row 3
  });

  it('decodeFashionMnistCache(encodeFashionMnistCache(fm)) round-trips', () => {
    const fm = fashionMnistFromClasses(fakeClasses(4), 3);
    const back = decodeFashionMnistCache(encodeFashionMnistCache(fm));
    expect(back.train.count).toBe(30);
    expect([...back.test.labels]).toEqual([...fm.test.labels]);
    expect(Buffer.from(back.train.images).equals(Buffer.from(fm.train.images))).toBe(true);
    expect(back.train.classes).toEqual(FASHION_MNIST_CLASSES);
  });

  it('decodeFashionMnistCache refuses truncated and foreign bytes, naming the file', () => {
    const bytes = encodeFashionMnistCache(fashionMnistFromClasses(fakeClasses(2), 1));
    expect(() => decodeFashionMnistCache(bytes.subarray(0, bytes.length - 1), 'c.bin')).toThrow(/c\.bin: expected \d+ bytes/);
    expect(() => decodeFashionMnistCache(new Uint8Array(30), 'c.bin')).toThrow(/not a convolab Fashion-MNIST cache/);
    expect(() => decodeFashionMnistCache(new Uint8Array(3), 'c.bin')).toThrow(/truncated/);
  });

  it('loadFashionMnist() gives the standard 60,000 / 10,000 split, 6,000 / 1,000 per class', () => {
    const fm = loadFashionMnist();
    expect(fm.train.count).toBe(60000);
    expect(fm.test.count).toBe(10000);
    const counts = new Array(10).fill(0);
    for (const l of fm.train.labels) counts[l]++;
    expect(counts).toEqual(new Array(10).fill(6000));
    const sub = subsetPerClass(fm.test, 7);
    expect(sub.count).toBe(70);
    expect(sub.labels[7]).toBe(1);
  }, 60_000);
});
