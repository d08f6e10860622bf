#!/usr/bin/env python3
"""Checks a `kutip report` page in a real browser (headless Chromium).

Usage: report_browser_check.py CHROMIUM REPORT.html SCREENSHOT.png [HOSTILE.html]

- the DOM (`--dump-dom`) has the expected title, the sections and the
  inline `<svg` charts (bars and the co-occurrence heatmap);
- the screenshot (`--screenshot`, 1280x2000) rendered: many distinct
  colours, enough ink, and the chart colours present (decoded with the
  standard library only: zlib + the PNG filters);
- the browser logged no console message at all (`--enable-logging=stderr`
  prints them as `:CONSOLE` lines); the page has no script, so any is an
  error. A page that does log is run first, to prove the detector works;
- HOSTILE.html (optional): the report of articles holding `<script>` and
  `<img onerror>`: no console message, and no script or img element in the
  DOM (the text stays text).

Standard library only. Exit status 0 when every check passes, 1 otherwise.
"""

import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 1280, 2000
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]
# Bar colours of the four entity types (src/report/svg.rs, type_color).
TYPE_COLOURS = {
    "PERSON": (0x4E, 0x79, 0xA7),
    "ORGANIZATION": (0xE1, 0x57, 0x59),
    "COUNTRY": (0x59, 0xA1, 0x4F),
    "LOCATION": (0xB0, 0x7A, 0xA1),
}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def chromium(binary, url, *extra, timeout=90):
    """Runs headless Chromium on url with a fresh profile; returns (stdout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="kutip-chromium-") as profile:
        cmd = [binary, *FLAGS, f"--user-data-dir={profile}", *extra, url]
        run = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return run.stdout.decode("utf-8", "replace"), run.stderr.decode("utf-8", "replace")


def console_lines(stderr):
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def read_png(path):
    """Decodes an 8-bit RGB or RGBA PNG into (width, height, rows of bytes, channels)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
        prev = line
    return width, height, rows, channels


def check_screenshot(path):
    width, height, rows, channels = read_png(path)
    check((width, height) == (WIDTH, HEIGHT), f"screenshot is {WIDTH}x{HEIGHT} (got {width}x{height})")
    colours, inked, total = set(), 0, 0
    for line in rows:
        for x in range(0, len(line), channels):
            rgb = (line[x], line[x + 1], line[x + 2])
            colours.add(rgb)
            total += 1
            if sum(rgb) < 600:
                inked += 1
    check(len(colours) >= 100, f"screenshot has many distinct colours ({len(colours)})")
    share = inked / max(total, 1)
    check(share >= 0.03, f"screenshot is not blank ({share:.1%} of pixels inked)")
    present = [t for t, c in TYPE_COLOURS.items() if c in colours]
    check(len(present) == 4, f"bar colours of the four types are drawn ({', '.join(present) or 'none'})")


def check_dom(dom, stderr):
    check("<title>kutip report: " in dom, "DOM has the title `kutip report: …`")
    for section in ("summary", "coverage", "quoted", "together", "gaps"):
        check(f'id="{section}"' in dom, f"DOM has section #{section}")
    bars = len(re.findall(r'<svg[^>]*class="chart bars"', dom))
    check(bars >= 8, f"DOM has the bar charts ({bars} `<svg class=\"chart bars\"`)")
    check(len(re.findall(r'<svg[^>]*class="chart heatmap"', dom)) == 1, "DOM has the co-occurrence heatmap")
    cells = dom.count('class="cell"')
    check(cells >= 4, f"heatmap has cells ({cells})")
    check("<script" not in dom, "DOM has no script element")
    match = re.search(r'id="n-documents" data-value="(\d+)"', dom)
    check(bool(match) and int(match.group(1)) > 0, "DOM has the document count")
    messages = console_lines(stderr)
    check(not messages, "no console message" + "".join("\n       " + m for m in messages))


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, report, screenshot = sys.argv[1:4]
    url = "file://" + os.path.abspath(report)

    # The detector must see console messages, or its silence means nothing.
    with tempfile.TemporaryDirectory(prefix="kutip-check-") as tmp:
        bad = os.path.join(tmp, "bad.html")
        with open(bad, "w") as f:
            f.write('<!DOCTYPE html><title>x</title><script>throw new Error("kutip-detector")</script>')
        _, stderr = chromium(binary, "file://" + bad, "--dump-dom")
        check(any("kutip-detector" in m for m in console_lines(stderr)), "console detector sees an uncaught error")

    dom, stderr = chromium(binary, url, "--dump-dom")
    check_dom(dom, stderr)

    if os.path.exists(screenshot):
        os.remove(screenshot)
    _, stderr = chromium(binary, url, f"--screenshot={os.path.abspath(screenshot)}", f"--window-size={WIDTH},{HEIGHT}")
    check(os.path.exists(screenshot), f"screenshot written to {screenshot}")
    if os.path.exists(screenshot):
        check_screenshot(screenshot)
    messages = console_lines(stderr)
    check(not messages, "no console message while taking the screenshot")

    if len(sys.argv) == 5:
        hostile = "file://" + os.path.abspath(sys.argv[4])
        dom, stderr = chromium(binary, hostile, "--dump-dom")
        check("&lt;script&gt;" in dom, "hostile report: `<script>` of an article shows as text")
        check("<script" not in dom and "<img" not in dom, "hostile report: no script or img element in the DOM")
        check(not console_lines(stderr), "hostile report: no console message")

    print(f"{len(failures)} failed" if failures else "report browser check: all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
