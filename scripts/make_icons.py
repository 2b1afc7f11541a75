"""Draw the share image and the favicon that the site serves (run: python scripts/make_icons.py).

Both are committed; this script is how they were made, so they can be made again after a change of
colours or wording. It draws with Pillow and its own bundled font (no system font), so the output
does not depend on the machine:

- ``config/framework/static/atlas/share.png``: 1200×630, the size Open Graph and Twitter cards
  show without cropping; the mark of favicon.svg (a globe) and the site's name, no other text, so
  that one image serves every language.
- ``config/framework/static/atlas/favicon.ico``: 16, 32 and 48 pixels, for the clients that ask
  for ``/favicon.ico`` and do not read the SVG icon.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parents[1] / "config" / "framework" / "static" / "atlas"
BLUE = "#0a58a8"
INK = "#1b1f24"
PAPER = "#ffffff"


def globe(size: int, scale: int = 4) -> Image.Image:
    """favicon.svg's globe (a circle, the equator, two meridians), drawn large and scaled down."""
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = big / 32
    draw.ellipse([2 * unit, 2 * unit, 30 * unit, 30 * unit], fill=BLUE)
    line = max(1, round(2 * unit))
    draw.line([6 * unit, 16 * unit, 26 * unit, 16 * unit], fill=PAPER, width=line)
    draw.arc([10.5 * unit, 3 * unit, 21.5 * unit, 29 * unit], 0, 360, fill=PAPER, width=line)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def share_image() -> Image.Image:
    image = Image.new("RGB", (1200, 630), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 1200, 24], fill=BLUE)
    image.paste(globe(260), (110, 185), globe(260))
    draw.text((430, 250), "Dialogue Atlas", font=ImageFont.load_default(size=96), fill=INK)
    draw.rectangle([430, 380, 1090, 386], fill=BLUE)
    return image


def main() -> None:
    share_image().save(STATIC / "share.png", optimize=True)
    globe(48).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
