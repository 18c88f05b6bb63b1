'use strict';
// Colour statistics of a picture's clothing region in CIELAB, as a coarse histogram whose bins also carry their mean
// colour: the C# side computes histogram intersection from the counts and dominant colours (k-means) from the means.
//  - region "person": the person mask (selfie) below the shoulder line, without skin-coloured pixels;
//  - region "auto" (outfit references): a person when one is found, else the foreground of a product shot (pixels that
//    differ from the colour of the picture's border).
const L_BINS = 5;
const AB_BINS = 8;
const AB_RANGE = 64; // a*, b* beyond ±64 are clipped into the outer bins
const MIN_PIXELS = 200;

function srgbToLinear(c) {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}
const LINEAR = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i));
const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);

/** sRGB (D65) to CIELAB. */
function lab(r, g, b) {
  const R = LINEAR[r], G = LINEAR[g], B = LINEAR[b];
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const fx = f(x), fy = f(y), fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** Skin by the YCbCr rule of Chai and Ngan (1999): cheap and good enough to keep faces, arms and legs out of a garment. */
function isSkin(r, g, b) {
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
  const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  return cr >= 135 && cr <= 173 && cb >= 77 && cb <= 127;
}

function bin(L, a, b) {
  const li = Math.min(L_BINS - 1, Math.max(0, Math.floor(L / (100 / L_BINS))));
  const clip = (v) => Math.min(AB_BINS - 1, Math.max(0, Math.floor((v + AB_RANGE) / (2 * AB_RANGE / AB_BINS))));
  return (li * AB_BINS + clip(a)) * AB_BINS + clip(b);
}

function personRegion(mask, w, h, k) {
  if (!mask) return null;
  let area = 0;
  for (let i = 0; i < w * h; i++) if (mask[i] >= 128) area++;
  if (area < MIN_PIXELS) return null;
  const ok = (p) => k && k[p] && k[p][2] >= 0.3;
  let top = 0;
  if (ok('leftShoulder') && ok('rightShoulder')) top = (k.leftShoulder[1] + k.rightShoulder[1]) / 2;
  else {
    // No shoulders: drop the top sixth of the mask, where the head is.
    let first = h, last = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x] >= 128) { first = Math.min(first, y); last = Math.max(last, y); }
    top = first + (last - first) / 6;
  }
  const region = new Uint8Array(w * h);
  for (let y = Math.max(0, Math.ceil(top)); y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x] >= 128) region[y * w + x] = 1;
  return { region, area };
}

function foregroundRegion(pixels, w, h) {
  // The border's median colour is the backdrop of a product shot.
  const border = [];
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x);
  for (let y = 0; y < h; y++) border.push(y * w, y * w + w - 1);
  const labs = border.map((i) => lab(pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]));
  const median = [0, 1, 2].map((c) => labs.map((v) => v[c]).sort((p, q) => p - q)[labs.length >> 1]);
  const region = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    const [L, a, b] = lab(pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]);
    if (Math.hypot(L - median[0], a - median[1], b - median[2]) > 12) region[i] = 1;
  }
  return { region };
}

function colourStatistics(pixels, w, h, mask, keypoints, mode) {
  let chosen = personRegion(mask, w, h, keypoints);
  let kind = 'person';
  const confidentPerson = chosen && keypoints && ['leftShoulder', 'rightShoulder', 'leftHip', 'rightHip'].every((p) => keypoints[p] && keypoints[p][2] >= 0.3);
  if (mode === 'auto' && !confidentPerson) {
    chosen = foregroundRegion(pixels, w, h);
    kind = 'foreground';
  }
  if (!chosen) return { region: kind, pixels: 0, bins: [] };
  const count = new Map();
  let total = 0;
  for (let i = 0; i < w * h; i++) {
    if (!chosen.region[i]) continue;
    const r = pixels[3 * i], g = pixels[3 * i + 1], b = pixels[3 * i + 2];
    if (kind === 'person' && isSkin(r, g, b)) continue;
    const c = lab(r, g, b);
    const key = bin(c[0], c[1], c[2]);
    const s = count.get(key) || [0, 0, 0, 0];
    s[0]++; s[1] += c[0]; s[2] += c[1]; s[3] += c[2];
    count.set(key, s);
    total++;
  }
  if (total < MIN_PIXELS) return { region: kind, pixels: total, bins: [] };
  const shape = outline(chosen.region, w, h);
  const bins = [...count.entries()].sort((p, q) => p[0] - q[0])
    .map(([key, s]) => [key, s[0], +(s[1] / s[0]).toFixed(2), +(s[2] / s[0]).toFixed(2), +(s[3] / s[0]).toFixed(2)]);
  return { region: kind, pixels: total, bins, ...shape };
}

/**
 * Where the clothing region is, kept small for the dashboard: its bounding box [x, y, w, h] and a coarse outline
 * (up to 2 × OUTLINE_BANDS points, flat [x0, y0, x1, y1, …]): the leftmost region pixel of each horizontal band going
 * down, then the rightmost going up. In the pixels of the picture measured (w × h).
 */
const OUTLINE_BANDS = 12;
function outline(region, w, h) {
  let top = h, bottom = -1, left = w, right = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (region[y * w + x]) {
    if (y < top) top = y;
    if (y > bottom) bottom = y;
    if (x < left) left = x;
    if (x > right) right = x;
  }
  if (bottom < 0) return {};
  const bands = Math.min(OUTLINE_BANDS, bottom - top + 1);
  const lefts = [];
  const rights = [];
  for (let i = 0; i < bands; i++) {
    const y0 = top + Math.floor(i * (bottom - top + 1) / bands);
    const y1 = top + Math.floor((i + 1) * (bottom - top + 1) / bands);
    let l = w, r = -1;
    for (let y = y0; y < y1; y++) for (let x = 0; x < w; x++) if (region[y * w + x]) { if (x < l) l = x; if (x > r) r = x; }
    if (r < 0) continue;
    const yMid = (y0 + y1) / 2;
    lefts.push([l, yMid]);
    rights.push([r + 1, yMid]);
  }
  const points = [...lefts, ...rights.reverse()].flat();
  return { box: [left, top, right - left + 1, bottom - top + 1], outline: points };
}

module.exports = { colourStatistics, lab, isSkin };
