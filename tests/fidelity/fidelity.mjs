// fal's official JavaScript client (@fal-ai/client), unchanged, against Catwalk's emulator.
// It is pointed at the emulator only by configuration: a request middleware that rewrites fal's hosts.
// Run by tests/Catwalk.Emulator.Tests (FidelityTests), which starts the emulator and writes the inputs.
//   EMULATOR_URL=http://127.0.0.1:PORT FIDELITY_INPUTS=inputs.json FIDELITY_IMAGE=ref.png node fidelity.mjs
import { readFile } from "node:fs/promises";
import { createFalClient, ValidationError, ApiError } from "@fal-ai/client";

const origin = process.env.EMULATOR_URL.replace(/\/$/, "");
const fal = createFalClient({
  credentials: "fidelity-key-id:fidelity-key-secret",
  requestMiddleware: async (request) => ({
    ...request,
    url: request.url.replace(/^https:\/\/(queue\.|rest\.)?fal\.(run|ai)/, origin),
  }),
});
const report = { subscribed: [], validation: null, cancel: null, upload: null, badInputCancel: null, statusCodes: {} };
const fail = (message) => { console.log(JSON.stringify({ ...report, error: message })); process.exit(1); };

// 1. Storage upload through fal's flow (initiate, then PUT to the returned URL).
const png = await readFile(process.env.FIDELITY_IMAGE);
const imageUrl = await fal.storage.upload(new Blob([png], { type: "image/png" }));
if (!imageUrl.startsWith(origin)) fail(`upload returned ${imageUrl}`);
report.upload = imageUrl;

const withImage = (input) => JSON.parse(JSON.stringify(input).replaceAll('"$IMAGE"', JSON.stringify(imageUrl)));
const cases = JSON.parse(await readFile(process.env.FIDELITY_INPUTS, "utf8"));

// 2. A queued job is cancelled: two jobs on a one-GPU endpoint, the second waits and is cancelled.
const slow = cases.find((c) => c.slow);
const first = await fal.queue.submit(slow.endpoint, { input: withImage(slow.input) });
const second = await fal.queue.submit(slow.endpoint, { input: withImage(slow.input) });
const queued = await fal.queue.status(slow.endpoint, { requestId: second.request_id });
if (queued.status !== "IN_QUEUE") fail(`second job is ${queued.status}, expected IN_QUEUE`);
await fal.queue.cancel(slow.endpoint, { requestId: second.request_id });
const afterCancel = await fal.queue.status(slow.endpoint, { requestId: second.request_id });
report.cancel = { queuedPosition: queued.queue_position, statusAfterCancel: afterCancel.status };
// The HTTP codes fal answers a status poll with: 202 while queued, 200 once completed (the client accepts any 2xx).
const statusCode = async (requestId) => (await fetch(`${origin}/${slow.endpoint.split("/").slice(0, 2).join("/")}/requests/${requestId}/status`)).status;
report.statusCodes.completed = await statusCode(second.request_id);

// 2b. A queued job whose input the model would refuse (an image it cannot fetch) is queued and cancelled like any other:
// fal's queue does not look at the input.
const badInput = { ...withImage(slow.input), [Object.keys(slow.input).find((k) => slow.input[k] === "$IMAGE")]: "https://cdn.example.com/gone.png" };
const third = await fal.queue.submit(slow.endpoint, { input: badInput });
report.statusCodes.queued = await statusCode(third.request_id);
const thirdQueued = await fal.queue.status(slow.endpoint, { requestId: third.request_id });
await fal.queue.cancel(slow.endpoint, { requestId: third.request_id });
report.badInputCancel = { submitted: Boolean(third.request_id), statusBefore: thirdQueued.status, statusAfter: (await fal.queue.status(slow.endpoint, { requestId: third.request_id })).status };

// 3. Every endpoint, with valid input, through subscribe (polling and streaming alternately).
await Promise.all(cases.map(async (c, i) => {
  const updates = [];
  const mode = i % 2 === 0 ? "polling" : "streaming";
  const result = await fal.subscribe(c.endpoint, {
    input: withImage(c.input), mode, pollInterval: 50, logs: true,
    onQueueUpdate: (u) => updates.push(u.status),
  });
  // A video model answers {video}, an image model {images: [...]}, Kling's Kolors try-on one {image}.
  const media = result.data.video?.url ?? result.data.images?.[0]?.url ?? result.data.image?.url;
  if (!media) fail(`${c.endpoint}: no media in ${JSON.stringify(result.data)}`);
  const bytes = (await (await fetch(media)).arrayBuffer()).byteLength;
  report.subscribed.push({ endpoint: c.endpoint, mode, requestId: result.requestId, bytes, sawStatuses: [...new Set(updates)] });
}));
await fal.queue.result(slow.endpoint, { requestId: first.request_id }).catch(() => {});

// 4. An invalid input is queued (fal validates in the model, not at submit), completes, and the result fetch throws a
// ValidationError naming the field; subscribe, which fetches the result, throws the same.
const invalid = { prompt: "walk", image_url: imageUrl, duration: "7s" };
const queuedInvalid = await fal.queue.submit("fal-ai/veo3/image-to-video", { input: invalid });
report.validation = { submitAccepted: Boolean(queuedInvalid.request_id) };
for (;;) {
  const s = await fal.queue.status("fal-ai/veo3/image-to-video", { requestId: queuedInvalid.request_id });
  if (s.status === "COMPLETED") break;
  await new Promise((r) => setTimeout(r, 50));
}
try {
  await fal.queue.result("fal-ai/veo3/image-to-video", { requestId: queuedInvalid.request_id });
  fail("the result of an invalid duration was a success");
} catch (e) {
  if (!(e instanceof ValidationError)) fail(`result: expected ValidationError, got ${e?.constructor?.name}: ${e?.message} ${e instanceof ApiError ? e.status : ""}`);
  report.validation.resultStatus = e.status;
  report.validation.fields = e.fieldErrors.map((f) => f.loc.join("."));
}
try {
  await fal.subscribe("fal-ai/veo3/image-to-video", { input: invalid, pollInterval: 50 });
  fail("an invalid duration was accepted by subscribe");
} catch (e) {
  if (!(e instanceof ValidationError)) fail(`subscribe: expected ValidationError, got ${e?.constructor?.name}: ${e?.message} ${e instanceof ApiError ? e.status : ""}`);
  report.validation.subscribeStatus = e.status;
}
console.log(JSON.stringify(report));
