'use strict';
// Catwalk's fashion-metrics worker. One process serves many requests, one JSON object per line:
//   stdin  {"id":1,"op":"analyze","image":{"path":"/tmp/f.rgb","format":"rgb24","width":1080,"height":1920,"offset":0},
//           "tasks":["pose","face","colour"],"region":"person"}
//   stdout {"id":1,"ok":true,"width":1080,"height":1920,"pose":{...},"face":{...},"colour":{...},"ms":{...}}
// "format" is "rgb24" (raw frames written by ffmpeg: no decode) or "file" (a JPEG or PNG: references).
// "colour" also carries the clothing region's "box" [x, y, w, h] and a coarse "outline" (flat x, y list), in the picture's pixels.
// It measures; the C# side (Catwalk.Quality) decides: thresholds, similarity, ΔE and flags live there.
// Human logs with console.log; stdout carries the protocol, so every log goes to stderr.
console.log = (...args) => process.stderr.write(args.join(' ') + '\n');
console.info = console.log;
console.warn = console.log;

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const { decodeImage } = require('./decode');
const { colourStatistics } = require('./colour');
const { headBox } = require('./head');

const here = __dirname;
const modules = path.join(here, 'node_modules');
// The package's exports map has no "./dist/…" entry: require the build by its path.
const { Human } = require(path.join(modules, '@vladmandic/human/dist/human.node-wasm.js'));

// Only tfjs-node ships a file:// loader; models are read from tools/vision/models, never fetched.
tf.io.registerLoadRouter((url) => {
  if (typeof url !== 'string' || !url.startsWith('file://')) return null;
  const file = url.slice('file://'.length);
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const specs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const shard of group.paths) buffers.push(fs.readFileSync(path.join(path.dirname(file), shard)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
});
wasm.setWasmPaths(path.join(modules, '@tensorflow/tfjs-backend-wasm/dist') + path.sep);

const config = {
  backend: 'wasm',
  modelBasePath: 'file://' + path.join(here, 'models') + path.sep,
  wasmPath: path.join(modules, '@tensorflow/tfjs-backend-wasm/dist') + path.sep,
  debug: false,
  async: true,
  warmup: 'none',
  cacheSensitivity: 0, // frames are unrelated stills: never reuse an earlier result
  skipAllowed: false,
  filter: { enabled: false },
  gesture: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  face: {
    enabled: true,
    detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, minConfidence: 0.3, skipFrames: 0, skipTime: 0 },
    mesh: { enabled: true, modelPath: 'facemesh.json' },
    iris: { enabled: false },
    emotion: { enabled: false },
    attention: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    description: { enabled: true, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 },
  },
  body: { enabled: true, modelPath: 'movenet-thunder.json', maxDetected: 1, minConfidence: 0.01, skipFrames: 0, skipTime: 0 },
  segmentation: { enabled: true, modelPath: 'selfie.json', mode: 'alpha' },
};
const only = (part) => ({ face: { enabled: part === 'face' }, body: { enabled: part === 'body' }, segmentation: { enabled: false } });

const human = new Human(config);

/** Pose of the one most confident person: keypoints in pixels with their scores. */
async function pose(input) {
  const result = await human.detect(input, only('body'));
  const body = (result.body || []).sort((a, b) => b.score - a.score)[0];
  if (!body) return null;
  const keypoints = {};
  for (const k of body.keypoints) keypoints[k.part] = [round(k.position[0]), round(k.position[1]), round(k.score, 3)];
  return { score: round(body.score, 3), keypoints };
}

/** The face and its 1024-d faceres embedding: in a head crop when the pose places the head, else in the whole picture. */
async function face(input, width, height, bodyPose) {
  const crop = bodyPose ? headBox(bodyPose.keypoints, width, height) : null;
  if (crop) {
    // blazeface is short-range: a head of 60 px in a full-body frame is missed unless cut out and enlarged.
    const box = [[crop.y / height, crop.x / width, (crop.y + crop.size) / height, (crop.x + crop.size) / width]];
    const head = tf.image.cropAndResize(input, box, [0], [256, 256]);
    const found = await detectFace(head);
    tf.dispose(head);
    if (found) {
      const s = crop.size / 256;
      found.box = [round(crop.x + found.box[0] * s), round(crop.y + found.box[1] * s), round(found.box[2] * s), round(found.box[3] * s)];
      found.crop = [round(crop.x), round(crop.y), round(crop.size)];
      return found;
    }
    // The whole-frame detector (128 px input) only finds faces that fill a good part of the frame: skip it for small heads.
    if (crop.size < 0.2 * Math.max(width, height)) return null;
  }
  return detectFace(input);
}

async function detectFace(input) {
  const result = await human.detect(input, only('face'));
  const f = (result.face || []).filter((x) => x.embedding && x.embedding.length > 0).sort((a, b) => b.score - a.score)[0];
  if (!f) return null;
  return { score: round(f.score, 3), box: f.box.map((v) => round(v)), embedding: Array.from(f.embedding, (v) => round(v, 5)) };
}

/** Person mask from selfie, at most 384 px on the long side (colour statistics need no more), as 0–255 per pixel. */
async function personMask(small) {
  const alpha = await human.segmentation(small, { segmentation: { enabled: true } });
  if (!alpha) return null;
  const data = await alpha.data();
  tf.dispose(alpha);
  return data;
}

async function analyze(request) {
  const cpu = process.cpuUsage();
  const ms = {};
  let t = Date.now();
  const { rgb, width, height } = decodeImage(request.image);
  const tasks = new Set(request.tasks || ['pose', 'face', 'colour']);
  const input = tf.tensor4d(rgb, [1, height, width, 3], 'int32'); // tfjs-core alone lacks chained uint8 ops
  ms.decode = Date.now() - t;
  const reply = { width, height };
  try {
    t = Date.now();
    const bodyPose = tasks.has('pose') || tasks.has('face') || tasks.has('colour') ? await pose(input) : null;
    if (tasks.has('pose')) reply.pose = bodyPose;
    ms.pose = Date.now() - t;
    if (tasks.has('face')) {
      t = Date.now();
      reply.face = await face(input, width, height, bodyPose);
      ms.face = Date.now() - t;
    }
    if (tasks.has('colour')) {
      t = Date.now();
      const scale = Math.min(1, 384 / Math.max(width, height));
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      const small = tf.tidy(() => tf.cast(tf.image.resizeBilinear(input, [h, w]), 'int32'));
      const pixels = await small.data();
      const mask = await personMask(small);
      tf.dispose(small);
      ms.mask = Date.now() - t;
      t = Date.now();
      reply.colour = colourStatistics(pixels, w, h, mask, bodyPose ? scaleKeypoints(bodyPose.keypoints, scale) : null, request.region || 'person');
      // The region's box and outline were found in the small picture: back to the picture's own pixels.
      if (reply.colour.box) reply.colour.box = reply.colour.box.map((v) => round(v / scale));
      if (reply.colour.outline) reply.colour.outline = reply.colour.outline.map((v) => round(v / scale));
      ms.colour = Date.now() - t;
    }
  } finally {
    tf.dispose(input);
  }
  reply.ms = ms;
  const used = process.cpuUsage(cpu);
  reply.cpu_ms = Math.round((used.user + used.system) / 1000); // CPU, not wall time: the machine may be busy
  reply.tensors = tf.memory().numTensors;
  return reply;
}

function scaleKeypoints(keypoints, scale) {
  const out = {};
  for (const [part, [x, y, s]] of Object.entries(keypoints)) out[part] = [x * scale, y * scale, s];
  return out;
}

function round(v, digits = 1) {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function send(object) {
  process.stdout.write(JSON.stringify(object) + '\n');
}

async function main() {
  const started = Date.now();
  await human.load();
  await human.tf.ready();
  send({ id: 0, ok: true, ready: true, human: human.version, backend: human.tf.getBackend(), load_ms: Date.now() - started });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  // One request at a time, in order: the WASM backend is single-threaded, so a queue is all the concurrency there is.
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      send({ id: null, ok: false, error: 'not JSON: ' + e.message });
      continue;
    }
    try {
      if (request.op === 'ping') send({ id: request.id, ok: true });
      else if (request.op === 'analyze') send({ id: request.id, ok: true, ...(await analyze(request)) });
      else send({ id: request.id, ok: false, error: `unknown op '${request.op}'` });
    } catch (e) {
      send({ id: request.id, ok: false, error: String((e && e.message) || e) });
    }
  }
}

main().catch((e) => {
  process.stderr.write('vision worker failed to start: ' + ((e && e.stack) || e) + '\n');
  process.exit(1);
});
