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

// The compare matrix: each row's and each column's play button plays that row's or column's videos together from 0
// and pauses every other video; pressed again (or when one of them is paused) it pauses them together. While a group
// plays, a seek in one of its videos moves the others. Clicks are delegated to the container, so Blazor's re-renders
// keep them.
export function bindMatrix(container) {
  if (container.dataset.synced === 'true') return; // bound once; every listener is on the container
  const videos = () => Array.from(container.querySelectorAll('video'));
  const members = (axis, index) => videos().filter((v) => v.dataset[axis] === index);
  const buttons = () => Array.from(container.querySelectorAll('button[data-play-axis]'));
  let active = null; // { axis, index, videos }
  const ours = new WeakSet(); // videos this code paused: their pause events are not a viewer's
  const pause = (video) => { if (!video.paused) { ours.add(video); video.pause(); } };

  const mark = () => {
    for (const button of buttons()) {
      const on = active !== null && button.dataset.playAxis === active.axis && button.dataset.playIndex === active.index;
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    container.dataset.playing = active ? `${active.axis}:${active.index}` : '';
  };
  const stop = () => {
    if (!active) return;
    const group = active.videos;
    active = null;
    for (const video of group) pause(video);
    mark();
  };
  const start = async (axis, index) => {
    stop();
    for (const video of videos()) pause(video);
    const group = members(axis, index);
    active = { axis, index, videos: group };
    mark();
    for (const video of group) video.currentTime = 0;
    await Promise.all(group.map((video) => video.play().catch(() => {})));
  };

  container.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-play-axis]');
    if (!button || !container.contains(button)) return;
    const { playAxis, playIndex } = button.dataset;
    if (active && active.axis === playAxis && active.index === playIndex) stop();
    else start(playAxis, playIndex);
  });
  // Media events do not bubble: caught on the way down, so videos rendered later are followed too.
  container.addEventListener('pause', (event) => {
    const video = event.target;
    if (ours.has(video)) { ours.delete(video); return; }
    if (active && active.videos.includes(video) && !video.ended) stop();
  }, true);
  container.addEventListener('seeked', (event) => {
    const video = event.target;
    if (!active || !active.videos.includes(video)) return;
    for (const other of active.videos) {
      if (other !== video && Math.abs(other.currentTime - video.currentTime) > tolerance) other.currentTime = video.currentTime;
    }
  }, true);
  mark();
  container.dataset.synced = 'true';
}
