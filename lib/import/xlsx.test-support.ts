/** Builds small XLSX workbooks in memory for the reader's tests (not itself a test file). */
import { strToU8, zipSync } from "fflate";

export const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${rows}</sheetData></worksheet>`;

/** A minimal XLSX as Excel lays it out, with one sheet holding `rows`. */
export function workbook(rows: string, options: { numFmts?: string; xfs?: string; date1904?: boolean } = {}) {
  const rels = (items: string) => `<?xml version="1.0"?><Relationships>${items}</Relationships>`;
  const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "_rels/.rels": strToU8(
      rels(`<Relationship Id="r1" Type="${T}/officeDocument" Target="xl/workbook.xml"/>`),
    ),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns:r="${T}"><workbookPr date1904="${options.date1904 ? "1" : "0"}"/>` +
        `<sheets><sheet name="P&amp;L" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      rels(
        `<Relationship Id="rId1" Type="${T}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${T}/sharedStrings" Target="sharedStrings.xml"/>` +
          `<Relationship Id="rId3" Type="${T}/styles" Target="styles.xml"/>`,
      ),
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst><si><t>Tom &amp; Jerry</t></si><si><r><t>Ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch </t></r>` +
        `<rPh sb="0" eb="1"><t>フリ</t></rPh></si><si><t>a_x000D_b _x005F_x0041_</t></si></sst>`,
    ),
    "xl/styles.xml": strToU8(
      `<styleSheet><numFmts>${options.numFmts ?? ""}</numFmts>` +
        `<cellXfs><xf numFmtId="0"/>${options.xfs ?? ""}</cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml(rows)),
  });
}
