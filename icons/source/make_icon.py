"""Draws Tijdig's app icon (1024x1024): a clock face whose hands form a check mark.

Run: python3 icons/source/make_icon.py && npx tauri icon icons/source/icon-1024.png -o icons
"""
from PIL import Image, ImageDraw

S = 4096  # supersampled, scaled down for smooth edges
BLUE = (31, 95, 139, 255)      # #1F5F8B, the app's accent
LIGHT = (255, 255, 255, 255)
AMBER = (240, 180, 41, 255)    # a small warm tick for "on time"

img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
d = ImageDraw.Draw(img)
m = int(S * 0.06)
d.rounded_rectangle([m, m, S - m, S - m], radius=int(S * 0.22), fill=BLUE)

cx, cy, r = S / 2, S / 2, S * 0.30
w = int(S * 0.055)
d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=LIGHT, width=w)
# The hands: a check mark, short stroke down-right then long stroke up-right.
p0 = (cx - r * 0.42, cy + r * 0.02)
p1 = (cx - r * 0.08, cy + r * 0.36)
p2 = (cx + r * 0.50, cy - r * 0.40)
d.line([p0, p1, p2], fill=AMBER, width=int(w * 1.25), joint="curve")
for p in (p0, p1, p2):
    rr = w * 1.25 / 2
    d.ellipse([p[0] - rr, p[1] - rr, p[0] + rr, p[1] + rr], fill=AMBER)

img.resize((1024, 1024), Image.LANCZOS).save("icon-1024.png")
