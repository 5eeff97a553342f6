import { readFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { appPackageDir, filledManifest } from "./support";

const manifest = filledManifest();
const read = (file: string) => PNG.sync.read(readFileSync(path.join(appPackageDir, file)));

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

describe("the app icons", () => {
  it("has a 192x192 colour icon", () => {
    const png = read(manifest.icons.color);
    expect([png.width, png.height]).toEqual([192, 192]);
    // Full colour: not a white-only outline by mistake.
    expect(pixels(png).some((p) => p.a === 255 && (p.r !== 255 || p.g !== 255 || p.b !== 255))).toBe(true);
  });

  it("has a 32x32 outline icon drawn in white on a transparent background", () => {
    const png = read(manifest.icons.outline);
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    expect(all.filter((p) => p.a > 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255))).toEqual([]);
    expect(all.some((p) => p.a === 0)).toBe(true);
    expect(all.some((p) => p.a === 255)).toBe(true);
  });
});
