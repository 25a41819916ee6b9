// What the bench installs in the kiosk page: a log of screen changes (the `data-screen` of <main>, stamped by a
// MutationObserver as the DOM changes) and of taps (the click event's own time). Runs in the page; self-contained.

export type ScreenMark = { screen: string; atMs: number };
export type PageProbes = { screens: ScreenMark[]; clicks: number[] };

/** Installs the probes once; later calls keep the existing logs. Times are `performance.timeOrigin + …` (epoch ms). */
export function installPageProbes(): void {
  const page = window as unknown as Window & { __benchProbes?: PageProbes };
  if (page.__benchProbes) return;
  const probes: PageProbes = { screens: [], clicks: [] };
  page.__benchProbes = probes;
  let last: string | null = null;
  const note = (): void => {
    const atMs = performance.timeOrigin + performance.now();
    const screen = document.querySelector('main.screen')?.getAttribute('data-screen') ?? null;
    if (screen === null || screen === last) return;
    last = screen;
    probes.screens.push({ screen, atMs });
  };
  note();
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
  document.addEventListener('click', (event) => probes.clicks.push(performance.timeOrigin + event.timeStamp), true);
}
