// Draws the two Teams app icons into appPackage/: color.png (192x192, full colour) and
// outline.png (32x32, white on transparent, as Teams requires for the app bar).
// The glyph is a board with three columns of cards. Run `node scripts/make-icons.mjs` after
// changing it and commit the PNGs; tests/app-package checks their sizes and colours.
import { PNG } from "pngjs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const appPackage = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "appPackage");

// Teams brand purple and a lighter tint of it.
const PURPLE = [0x5b, 0x5f, 0xc7];
const LIGHT = [0xc5, 0xc7, 0xf1];
const WHITE = [0xff, 0xff, 0xff];

/** Is (x, y) inside the rounded rectangle? Coordinates in icon pixels, corners of radius r. */
function inRoundedRect(x, y, { x0, y0, x1, y1, r }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * Rasterises layers (painted in order, later on top) with 4x4 supersampling so edges are smooth.
 * Each layer: { colour: [r,g,b], covers(x, y) => boolean }.
 */
function render(size, layers) {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let hit;
          for (const layer of layers) if (layer.covers(x, y)) hit = layer.colour;
          if (hit) {
            r += hit[0];
            g += hit[1];
            b += hit[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour is the average of the covered samples, alpha the coverage: no dark fringes.
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return PNG.sync.write(png);
}

const rect = (x0, y0, x1, y1, r) => (x, y) => inRoundedRect(x, y, { x0, y0, x1, y1, r });

function colourIcon() {
  const layers = [
    { colour: PURPLE, covers: rect(0, 0, 192, 192, 40) },
    { colour: WHITE, covers: rect(32, 44, 160, 148, 14) },
  ];
  // Three columns of cards; the middle column is the busiest, like a real morning board.
  const columns = [
    { x: 44, cards: 2 },
    { x: 84, cards: 3 },
    { x: 124, cards: 1 },
  ];
  for (const { x, cards } of columns) {
    for (let k = 0; k < cards; k++) {
      const y = 56 + k * 30;
      layers.push({ colour: k === 0 ? PURPLE : LIGHT, covers: rect(x, y, x + 24, y + 22, 5) });
    }
  }
  return render(192, layers);
}

function outlineIcon() {
  const frame = rect(3, 5, 29, 27, 4);
  const hole = rect(5, 7, 27, 25, 2.5);
  const cards = [
    rect(7.5, 9.5, 12, 14, 1),
    rect(7.5, 16, 12, 20.5, 1),
    rect(13.75, 9.5, 18.25, 14, 1),
    rect(13.75, 16, 18.25, 20.5, 1),
    rect(20, 9.5, 24.5, 14, 1),
  ];
  return render(32, [
    {
      colour: WHITE,
      covers: (x, y) => (frame(x, y) && !hole(x, y)) || cards.some((c) => c(x, y)),
    },
  ]);
}

writeFileSync(path.join(appPackage, "color.png"), colourIcon());
writeFileSync(path.join(appPackage, "outline.png"), outlineIcon());
console.log("wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32)");
