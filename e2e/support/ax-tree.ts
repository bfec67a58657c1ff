import type { Page } from "@playwright/test";

/** A row as Chromium's accessibility tree (what a screen reader is given) holds it. */
export interface AccessibleRow {
  /** The row element's aria-rowindex. */
  ariaRowIndex: number;
  /** Its accessible name (its cells' text, as the tree computes it). */
  name: string;
}

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

/**
 * The rows of the grid named `gridName`, in the order Chromium's accessibility tree lists them
 * (Accessibility.getFullAXTree over CDP: the tree after aria-owns, not the DOM's order).
 * The CDP tree does not carry aria-rowindex, so each row's is read from its DOM node.
 */
export async function accessibleGridRows(page: Page, gridName: string): Promise<AccessibleRow[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const grid = nodes.find((node) => node.role?.value === "grid" && node.name?.value === gridName);
    if (!grid) throw new Error(`no grid named ${gridName} in the accessibility tree`);
    const rows: AXNode[] = [];
    const walk = (node: AXNode | undefined) => {
      if (!node) return;
      if (!node.ignored && node.role?.value === "row") rows.push(node);
      for (const childId of node.childIds ?? []) walk(byId.get(childId));
    };
    walk(grid);
    return await Promise.all(
      rows.map(async (row) => {
        const { node } = (await cdp.send("DOM.describeNode", { backendNodeId: row.backendDOMNodeId })) as {
          node: { attributes?: string[] };
        };
        const attributes = node.attributes ?? [];
        const at = attributes.indexOf("aria-rowindex");
        return {
          ariaRowIndex: at >= 0 ? Number(attributes[at + 1]) : Number.NaN,
          name: row.name?.value ?? "",
        };
      }),
    );
  } finally {
    await cdp.detach();
  }
}
