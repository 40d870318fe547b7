import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * An axe-core check of what is on screen: no serious or critical violation (WCAG 2.1 A and AA
 * and best practices), each printed with its elements so a failure says what to fix.
 * `include` narrows it to one part (a dialog, the sidebar) when the rest is another's screen.
 */
export async function expectAccessible(page: Page, screen: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
        .join('\n'),
  );
  expect(report, `${screen}: serious or critical accessibility violations`).toEqual([]);
}
