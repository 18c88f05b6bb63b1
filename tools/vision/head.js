'use strict';
// Where to look for the face in a full-body frame: a square around the head keypoints of the pose, sized from the
// head (ears, eyes) or, when those are weak, from the shoulders (a head is about half as wide as the shoulders).
const MIN_SCORE = 0.2;

function headBox(k, width, height) {
  const ok = (p) => k[p] && k[p][2] >= MIN_SCORE;
  const head = ['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar'].filter(ok);
  if (head.length < 2) return null;
  const cx = head.reduce((s, p) => s + k[p][0], 0) / head.length;
  const cy = head.reduce((s, p) => s + k[p][1], 0) / head.length;
  const dist = (a, b) => Math.hypot(k[a][0] - k[b][0], k[a][1] - k[b][1]);
  const sizes = [];
  if (ok('leftEar') && ok('rightEar')) sizes.push(dist('leftEar', 'rightEar') * 2.4);
  if (ok('leftEye') && ok('rightEye')) sizes.push(dist('leftEye', 'rightEye') * 5);
  if (ok('leftShoulder') && ok('rightShoulder')) sizes.push(dist('leftShoulder', 'rightShoulder') * 1.1);
  if (sizes.length === 0) return null;
  const size = Math.min(Math.max(32, Math.max(...sizes)), Math.max(width, height));
  // Hair sits above the eyes: centre the square a little above them.
  return { x: cx - size / 2, y: cy - size * 0.55, size };
}

module.exports = { headBox };
