"""Golden files for src/io (test/golden/io/). Run from the repository root:

    python3 scripts/golden/io.py

Part 1 (numpy 2.x, the pyenv python3): .npy files for every dtype, both byte orders,
versions 1/2/3, Fortran order, 0-d and empty arrays.
Part 2 (pure zlib/struct): PNG fixtures written chunk by chunk, covering bit depths 1/2/4/8/16,
every colour type, palette + tRNS, Adam7 interlacing, all five filters and split IDAT chunks;
the expected [C, H, W] float32 pixels are saved beside each as .npy.
Part 3 (Debian's python3 with OpenCV and PIL, re-invoked as /usr/bin/python3 --world): checks
the PNG fixtures against OpenCV's decoder, makes the JPEG fixtures (gray, EXIF orientation 1..8)
with PIL's exif_transpose as the expected pixels, and records the sample photos' shapes and
channel means as decoded by OpenCV (samples.json).
"""

import json
import os
import struct
import subprocess
import sys
import zlib

import numpy as np

OUT = os.path.join('test', 'golden', 'io')


def npy_part():
    d = os.path.join(OUT, 'npy')
    os.makedirs(d, exist_ok=True)
    idx = np.arange(6).reshape(2, 3)
    values = {
        'f4': (idx - 2.5) * 1.25,
        'f8': (idx - 2.5) * 1.25 + 1e-9 * idx,
        'c8': (idx * 0.5) - 1j * idx,
        'c16': (idx * 0.5) - 1j * idx + 1e-9j,
        'u1': (idx * 40) % 256,
        'i4': idx * 100000 - 250000,
        'i8': idx * 1000 - 3,
    }
    for code, v in values.items():
        orders = ['|'] if code == 'u1' else ['<', '>']
        for o in orders:
            a = np.asarray(v).astype(o + code)
            np.save(os.path.join(d, f'{code}_{"be" if o == ">" else "le"}.npy'), a)
    for ver in [(1, 0), (2, 0), (3, 0)]:
        with open(os.path.join(d, f'f8_v{ver[0]}.npy'), 'wb') as f:
            np.lib.format.write_array(f, np.asarray(values['f8']), version=ver)
    fa = np.asfortranarray(np.arange(24, dtype='<f4').reshape(2, 3, 4))
    assert fa.flags.f_contiguous and not fa.flags.c_contiguous
    np.save(os.path.join(d, 'fortran_f4.npy'), fa)
    np.save(os.path.join(d, 'fortran_c16_be.npy'), np.asfortranarray((np.arange(6) + 1j * np.arange(6)).reshape(3, 2).astype('>c16')))
    np.save(os.path.join(d, 'scalar_f8.npy'), np.array(3.5))
    np.save(os.path.join(d, 'empty_f8.npy'), np.zeros((0, 3)))
    np.save(os.path.join(d, 'empty_f4.npy'), np.zeros((2, 0), '<f4'))
    np.save(os.path.join(d, 'i8_big.npy'), np.array([1, 2**40], '<i8'))
    # encodeNpy must reproduce these bytes exactly
    np.save(os.path.join(d, 'save_f4.npy'), np.arange(6, dtype='<f4').reshape(2, 3) / 4)
    np.save(os.path.join(d, 'save_c16.npy'), np.array([1 + 2j, -3.5j, 0, 7]))
    np.save(os.path.join(d, 'save_u1_scalar.npy'), np.array(200, np.uint8))
    np.save(os.path.join(d, 'save_i4_empty.npy'), np.zeros((0,), '<i4'))
    np.save(os.path.join(d, 'save_f8_4d.npy'), np.arange(120.0).reshape(1, 2, 3, 20))


# ---------------------------------------------------------------- PNG written by hand

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp, first_filter, only=None):
    """Filter each row with filter (first_filter + y) % 5 so every filter type is used (or all with `only`)."""
    out = bytearray()
    prev = bytes(len(rows[0])) if rows else b''
    for y, row in enumerate(rows):
        f = (first_filter + y) % 5 if only is None else only
        line = bytearray(len(row))
        for i, x in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][f]
            line[i] = (x - pred) & 255
        out.append(f)
        out += line
        prev = row
    return bytes(out)


def pack_row(samples, depth):
    """One scanline of samples (ints) packed at `depth` bits, MSB first."""
    if depth == 16:
        return b''.join(struct.pack('>H', int(s)) for s in samples)
    if depth == 8:
        return bytes(int(s) for s in samples)
    per = 8 // depth
    out = bytearray((len(samples) + per - 1) // per)
    for i, s in enumerate(samples):
        out[i // per] |= int(s) << (8 - depth * (i % per + 1))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
SAMPLES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def write_png(path, stored, depth, color_type, interlace=False, palette=None, trns=None, idat_split=None, only=None):
    """stored: [H, W, S] integer samples as stored in the file."""
    h, w, s = stored.shape
    bpp = max(1, depth * s // 8)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    raw = b''
    for k, (x0, y0, dx, dy) in enumerate(passes):
        sub = stored[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        rows = [pack_row(sub[y].reshape(-1), depth) for y in range(sub.shape[0])]
        raw += filter_rows(rows, bpp, k, only)
    data = zlib.compress(raw, 9)
    parts = [b'\x89PNG\r\n\x1a\n', chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, depth, color_type, 0, 0, int(interlace)))]
    parts.append(chunk(b'tEXt', b'Comment\x00convolab golden'))
    if palette is not None:
        parts.append(chunk(b'PLTE', bytes(palette.reshape(-1).astype(np.uint8))))
    if trns is not None:
        parts.append(chunk(b'tRNS', bytes(np.asarray(trns, np.uint8))))
    n = idat_split or len(data)
    for i in range(0, len(data), n):
        parts.append(chunk(b'IDAT', data[i:i + n]))
    parts.append(chunk(b'IEND', b''))
    with open(path, 'wb') as f:
        f.write(b''.join(parts))


def png_part():
    d = os.path.join(OUT, 'png')
    os.makedirs(d, exist_ok=True)
    rng = np.random.default_rng(2026)
    cases = []

    def case(name, h, w, depth, color_type, interlace=False, pal_size=None, trns_len=None, idat_split=None, stored=None, only=None):
        s = SAMPLES[color_type]
        top = (pal_size if color_type == 3 else 1 << depth) - 1
        if stored is None:
            stored = rng.integers(0, top + 1, size=(h, w, s), endpoint=False)
            stored[0, 0, :] = top  # make sure the extremes occur
            stored[-1, -1, :] = 0
        palette = trns = None
        if color_type == 3:
            palette = rng.integers(0, 256, size=(pal_size, 3))
            if trns_len is not None:
                trns = rng.integers(0, 256, size=trns_len)
            idx = stored[:, :, 0]
            rgb = palette[idx].astype(np.float32)
            if trns is not None:
                alpha = np.where(idx < trns_len, np.asarray(trns)[np.minimum(idx, trns_len - 1)], 255)
                rgb = np.concatenate([rgb, alpha[:, :, None]], axis=2)
            expected = rgb
        elif depth == 16:
            expected = stored / 257.0
        else:
            expected = stored * (255.0 / ((1 << depth) - 1))
        expected = np.ascontiguousarray(np.transpose(expected, (2, 0, 1)).astype(np.float32))
        write_png(os.path.join(d, name + '.png'), stored, depth, color_type, interlace, palette, trns, idat_split, only)
        np.save(os.path.join(d, name + '.npy'), expected)
        np.save(os.path.join(d, name + '.stored.npy'), stored.astype('<u2'))  # raw samples, for the OpenCV check
        cases.append({'name': name, 'depth': depth, 'color_type': color_type, 'interlace': interlace,
                      'channels': int(expected.shape[0]), 'height': h, 'width': w})

    for depth in [1, 2, 4, 8, 16]:
        case(f'gray{depth}', 7, 13, depth, 0)
    for depth in [8, 16]:
        case(f'graya{depth}', 6, 9, depth, 4)
        case(f'rgb{depth}', 6, 11, depth, 2)
        case(f'rgba{depth}', 5, 7, depth, 6)
    for depth in [1, 2, 4, 8]:
        case(f'pal{depth}', 7, 10, depth, 3, pal_size=min(1 << depth, 40))
    case('pal4_trns', 6, 9, 4, 3, pal_size=12, trns_len=5)
    case('pal8_trns', 5, 6, 8, 3, pal_size=200, trns_len=200)
    case('gray1_adam7', 11, 19, 1, 0, interlace=True)
    case('gray4_adam7', 9, 10, 4, 0, interlace=True)
    case('rgb8_adam7', 10, 9, 8, 2, interlace=True, idat_split=37)
    case('rgba16_adam7', 9, 13, 16, 6, interlace=True)
    case('pal2_trns_adam7', 8, 8, 2, 3, interlace=True, pal_size=4, trns_len=4)
    case('graya8_adam7_tiny', 3, 2, 8, 4, interlace=True)
    case('rgb8_1x1_adam7', 1, 1, 8, 2, interlace=True)
    case('rgb8_split', 12, 17, 8, 2, idat_split=16)
    # v = 200 - 4x + 2y, all rows Paeth-filtered: every interior byte is a tie |p-b| == |p-c| < |p-a|,
    # which the Paeth predictor must break towards b (the byte above)
    yy, xx = np.mgrid[0:10, 0:30]
    case('gray8_paeth_ties', 10, 30, 8, 0, stored=(200 - 4 * xx + 2 * yy)[:, :, None], only=4)
    with open(os.path.join(d, 'cases.json'), 'w') as f:
        json.dump(cases, f, indent=1)


# ---------------------------------------------------------------- checks and JPEGs by OpenCV / PIL

def exif_app1(orientation):
    """An APP1 segment holding a little-endian TIFF IFD0 with one entry: Orientation (0x0112)."""
    tiff = b'II*\x00' + struct.pack('<I', 8) + struct.pack('<H', 1)
    tiff += struct.pack('<HHIHH', 0x0112, 3, 1, orientation, 0) + struct.pack('<I', 0)
    body = b'Exif\x00\x00' + tiff
    return b'\xff\xe1' + struct.pack('>H', len(body) + 2) + body


def world_part():
    import cv2
    from PIL import Image, ImageOps
    import io

    d = os.path.join(OUT, 'png')
    for c in json.load(open(os.path.join(d, 'cases.json'))):
        got = cv2.imread(os.path.join(d, c['name'] + '.png'), cv2.IMREAD_UNCHANGED)
        stored = np.load(os.path.join(d, c['name'] + '.stored.npy')).astype(np.int64)
        if c['color_type'] == 3:
            continue  # OpenCV expands palettes to BGR(A); the palette lookup is checked by PIL below
        if got.ndim == 2:
            got = got[:, :, None]
        got = got.astype(np.int64)
        if got.shape[2] >= 3:
            got[:, :, :3] = got[:, :, 2::-1]  # BGR(A) -> RGB(A)
        if c['color_type'] == 4:
            got = got[:, :, [0, 3]]  # OpenCV expands gray+alpha to BGRA
        if c['depth'] < 8:
            # OpenCV scales sub-byte gray to 8 bits by bit replication, which equals v * 255 / (2^d - 1)
            stored = stored * (255 // ((1 << c['depth']) - 1))
        assert got.shape == stored.shape and (got == stored).all(), c['name']
    for c in json.load(open(os.path.join(d, 'cases.json'))):
        if c['color_type'] != 3:
            continue
        im = Image.open(os.path.join(d, c['name'] + '.png'))
        im = im.convert('RGBA' if c['channels'] == 4 else 'RGB')
        got = np.transpose(np.asarray(im), (2, 0, 1)).astype(np.float32)
        assert (got == np.load(os.path.join(d, c['name'] + '.npy'))).all(), c['name']
    print('png fixtures agree with OpenCV and PIL')

    j = os.path.join(OUT, 'jpeg')
    os.makedirs(j, exist_ok=True)
    # An asymmetric 16 x 24 (H x W) colour test card: flat 8x8 blocks, so decoders agree closely.
    card = np.zeros((16, 24, 3), np.uint8)
    card[:8, :8] = (255, 0, 0)
    card[:8, 8:16] = (0, 255, 0)
    card[:8, 16:] = (0, 0, 255)
    card[8:, :8] = (255, 255, 255)
    card[8:, 8:16] = (128, 128, 128)
    card[8:, 16:] = (0, 0, 0)
    # 4:4:4 (no chroma subsampling): decoders upsample chroma differently, and the card has sharp colour edges
    buf = io.BytesIO()
    Image.fromarray(card).save(buf, 'JPEG', quality=100, subsampling=0)
    plain = buf.getvalue()
    assert plain[:2] == b'\xff\xd8'
    for o in range(1, 9):
        data = plain[:2] + exif_app1(o) + plain[2:]
        with open(os.path.join(j, f'orient{o}.jpg'), 'wb') as f:
            f.write(data)
        im = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
        np.save(os.path.join(j, f'orient{o}.npy'), np.ascontiguousarray(np.transpose(np.asarray(im), (2, 0, 1))).astype(np.float32))
    gray = np.tile(np.linspace(0, 255, 20).astype(np.uint8), (12, 1))
    ok, enc = cv2.imencode('.jpg', gray, [cv2.IMWRITE_JPEG_QUALITY, 95])
    with open(os.path.join(j, 'gray.jpg'), 'wb') as f:
        f.write(enc.tobytes())
    np.save(os.path.join(j, 'gray.npy'), cv2.imdecode(enc, cv2.IMREAD_UNCHANGED)[None].astype(np.float32))
    buf = io.BytesIO()
    Image.fromarray(card).convert('CMYK').save(buf, 'JPEG', quality=75)
    with open(os.path.join(j, 'cmyk.jpg'), 'wb') as f:
        f.write(buf.getvalue())
    buf = io.BytesIO()
    Image.fromarray(card).save(buf, 'JPEG', quality=90, subsampling=0, progressive=True)
    with open(os.path.join(j, 'progressive.jpg'), 'wb') as f:
        f.write(buf.getvalue())
    enc = np.frombuffer(buf.getvalue(), np.uint8)
    np.save(os.path.join(j, 'progressive.npy'), np.transpose(cv2.imdecode(enc, cv2.IMREAD_COLOR)[:, :, ::-1], (2, 0, 1)).astype(np.float32))

    # toGray reference: OpenCV's float RGB -> gray on a 16 x 16 crop of chelsea.png
    chelsea = cv2.imread(os.path.join('samples', 'chelsea.png'), cv2.IMREAD_COLOR)[:, :, ::-1]
    crop = np.ascontiguousarray(chelsea[100:116, 200:216].astype(np.float32))
    np.save(os.path.join(OUT, 'chelsea_crop_gray.npy'), cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)[None])

    samples = {}
    for name in sorted(os.listdir('samples')):
        if not name.endswith(('.png', '.jpg')):
            continue
        # IMREAD_COLOR applies EXIF orientation for JPEGs, as convolab does
        img = cv2.imread(os.path.join('samples', name), cv2.IMREAD_UNCHANGED if name.endswith('.png') else cv2.IMREAD_COLOR)
        img = img[:, :, None] if img.ndim == 2 else img[:, :, ::-1]
        chw = np.ascontiguousarray(np.transpose(img, (2, 0, 1)))
        entry = {'shape': list(chw.shape), 'mean': [float(m) for m in chw.reshape(chw.shape[0], -1).mean(axis=1)]}
        if name.endswith('.jpg'):
            # a 24 x 24 crop to compare pixel by pixel
            np.save(os.path.join(j, name.replace('.jpg', '_crop.npy')), chw[:, 300:324, 200:224].astype(np.float32))
            entry['crop'] = [300, 200, 24]
        samples[name] = entry
    with open(os.path.join(OUT, 'samples.json'), 'w') as f:
        json.dump(samples, f, indent=1)
    print('jpeg fixtures and samples.json written')


if __name__ == '__main__':
    if '--world' in sys.argv:
        world_part()
    else:
        npy_part()
        png_part()
        if os.path.exists('/usr/bin/python3'):
            subprocess.run(['/usr/bin/python3', __file__, '--world'], check=True)
        else:
            print('skipped the OpenCV/PIL part: /usr/bin/python3 (Debian python3-opencv) not found')
