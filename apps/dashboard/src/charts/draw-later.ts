/**
 * Charts out of sight are drawn when the browser is idle, one at a time, and only once what the
 * page shows first is on the screen. Drawing a chart is tens of milliseconds of the page's one
 * thread, loading the drawing library (ECharts) a few hundred: done for every chart at once, it
 * held back the figures the reader sees first (the overview's headline figures fill the first
 * screen; its charts are below them). A chart coming into sight is drawn at once (chart-card.tsx).
 */

let holds = 0;
const waiting: (() => void)[] = [];
// Work for after the charts (the overview's adjusted fits, which hold the server and the cores
// for seconds): run at an idle moment with no chart waiting.
const after: (() => void)[] = [];
let scheduled = false;

// Not every browser has requestIdleCallback; a zero timeout still lets what is queued go first.
const whenIdle = (run: () => void) =>
  typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 0);

/**
 * Holds the drawing of charts out of sight until the returned function is called (each hold is
 * released once; several may be held at a time). For what the page shows first while it loads.
 */
export function holdDrawing(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    pump();
  };
}

/** Runs `draw` when the browser is idle and nothing is held; the returned function cancels it. */
export function drawWhenIdle(draw: () => void): () => void {
  return queue(waiting, draw);
}

/**
 * Runs `then` at an idle moment once no chart waits to be drawn and nothing is held (a chart
 * told to draw renders before the browser is idle again); the returned function cancels it.
 */
export function afterDrawing(then: () => void): () => void {
  return queue(after, then);
}

function queue(list: (() => void)[], run: () => void): () => void {
  list.push(run);
  pump();
  return () => {
    const at = list.indexOf(run);
    if (at >= 0) list.splice(at, 1);
  };
}

function pump(): void {
  if (scheduled || holds > 0 || waiting.length + after.length === 0) return;
  scheduled = true;
  whenIdle(() => {
    scheduled = false;
    // Held meanwhile: the release pumps again.
    if (holds > 0) return;
    (waiting.length > 0 ? waiting : after).shift()?.();
    pump();
  });
}
