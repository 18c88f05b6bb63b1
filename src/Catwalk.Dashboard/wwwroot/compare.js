// Side by side: when one video plays, pauses, seeks or changes loop, the others follow. Each handler only acts on
// videos that differ, so the events the followers fire in turn settle at once instead of echoing back and forth.
const tolerance = 0.1;

export function syncVideos(container) {
  const videos = Array.from(container.querySelectorAll('video'));
  const others = (video) => videos.filter((other) => other !== video);
  for (const video of videos) {
    video.addEventListener('play', () => {
      for (const other of others(video)) {
        if (Math.abs(other.currentTime - video.currentTime) > tolerance) other.currentTime = video.currentTime;
        if (other.paused) other.play().catch(() => {});
      }
    });
    video.addEventListener('pause', () => {
      for (const other of others(video)) if (!other.paused) other.pause();
    });
    video.addEventListener('seeked', () => {
      for (const other of others(video)) {
        if (Math.abs(other.currentTime - video.currentTime) > tolerance) other.currentTime = video.currentTime;
      }
    });
  }
  container.dataset.synced = 'true';
}

export function setLoop(container, loop) {
  for (const video of container.querySelectorAll('video')) video.loop = loop;
}

// The vote page: ← left, → right, ↓ or T tie, B both bad. Captured before a focused video can seek with the arrows.
const voteKeys = { ArrowLeft: 'left', ArrowRight: 'right', ArrowDown: 'tie', t: 'tie', T: 'tie', b: 'both_bad', B: 'both_bad' };

export function bindVoteKeys(dotnet) {
  const handler = (event) => {
    const target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const outcome = voteKeys[event.key];
    if (!outcome) return;
    event.preventDefault();
    dotnet.invokeMethodAsync('VoteFromKey', outcome).catch(() => {});
  };
  document.addEventListener('keydown', handler, true);
  document.body.dataset.voteKeys = 'true';
  return { dispose: () => { document.removeEventListener('keydown', handler, true); delete document.body.dataset.voteKeys; } };
}
