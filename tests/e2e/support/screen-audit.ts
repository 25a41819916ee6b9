// Measures what a 75-year-old needs on every visible screen, in the page: each button's box at least 64 × 64 px and
// every visible text at least 24 px. Self-contained: Playwright sends its source text to the page.

export const touchTargetPxMin = 64;
export const bodyTextPxMin = 24;

/** Runs in the page; answers one line per problem (empty when the screen passes). */
export function auditScreenInPage(limits: { touchTargetPxMin: number; bodyTextPxMin: number }): string[] {
  const problems: string[] = [];
  const isShown = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  for (const button of Array.from(document.querySelectorAll('button'))) {
    if (!isShown(button)) continue;
    const box = button.getBoundingClientRect();
    if (box.width < limits.touchTargetPxMin || box.height < limits.touchTargetPxMin) problems.push(`button "${button.textContent?.trim()}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
  }
  const root = document.querySelector('.kiosk') ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (text === '' || parent === null || !isShown(parent)) continue;
    const sizePx = parseFloat(getComputedStyle(parent).fontSize);
    if (sizePx < limits.bodyTextPxMin) problems.push(`text "${text.slice(0, 24)}" is ${sizePx} px`);
  }
  return problems;
}
