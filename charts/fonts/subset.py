#!/usr/bin/python3
"""Cut the embedded CJK font: Noto Sans CJK SC Regular, subset and converted to
TrueType outlines. Reads only local files; downloads nothing.

Usage (from the repository root, with Debian's fonts-noto-cjk and python3-fonttools):
    /usr/bin/python3 charts/fonts/subset.py \
        /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc 2 \
        charts/fonts/NotoSansCJKsc-Regular-subset.ttf
Index 2 of the collection is Noto Sans CJK SC.
"""
import glob
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable


def charset(root):
    cs = set(range(0x20, 0x7F))  # ASCII
    for hi in range(0xA1, 0xF8):  # GB2312: symbols, pinyin, all 6763 hanzi
        for lo in range(0xA1, 0xFF):
            try:
                cs.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    cs |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    cs |= set(range(0xFF00, 0xFFF0))  # full-width forms
    cs |= set(range(0x2010, 0x2028))  # dashes, quotes, ellipsis
    cs |= set(range(0x2190, 0x2194))  # arrows
    cs |= {ord(c) for c in "≥≤≈×÷−±·°²³‰℃★☆●○◆■□▲△▼√∑∞ⅠⅡⅢⅣⅤ"}
    # Every character the repository's data and labels use.
    paths = glob.glob(os.path.join(root, "**", "*.yaml"), recursive=True)
    paths += glob.glob(os.path.join(root, "**", "*.go"), recursive=True)
    for p in paths:
        with open(p, encoding="utf-8") as f:
            cs |= {ord(c) for c in f.read() if ord(c) >= 0x80}
    return cs


def to_truetype(font):
    """Convert CFF (cubic) outlines to glyf (quadratic), as fontTools' otf2ttf snippet."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"].tableVersion = 0x00010000
    for k in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
              "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
              "maxComponentElements"):
        setattr(font["maxp"], k, 0)
    font["maxp"].maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    src, index, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    font = TTCollection(src).fonts[index]
    opts = subset.Options()
    opts.layout_features = []  # no OpenType layout: gonum/plot shapes nothing
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    s = subset.Subsetter(opts)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    s.populate(unicodes=charset(root))
    s.subset(font)
    to_truetype(font)
    font.recalcTimestamp = False  # keep the source date: a re-cut is byte-identical
    font.save(out)


if __name__ == "__main__":
    main()
