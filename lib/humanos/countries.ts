import { ISO_ALPHA3_COUNTRIES } from "./countries.generated";

export { ISO_ALPHA3_COUNTRIES };

const countryNameByCode = new Map(ISO_ALPHA3_COUNTRIES.map(([code, name]) => [code, name]));

export function isKnownAlpha3(code: string): boolean {
  return countryNameByCode.has(code);
}

export function countryName(code: string): string | undefined {
  return countryNameByCode.get(code);
}
