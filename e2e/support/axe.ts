import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * WCAG 2.1 A/AA rules, checked by axe on the screens an operator uses. `exclude`: a selector left out
 * (axe takes ~40 s over a results table of 500 rows, which accessibility.spec checks on its own).
 */
export async function violations(page: Page, { exclude }: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  // Proof that axe really ran its rules on this page (an empty result must not mean "nothing checked").
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
  }));
}
