/**
 * libphonenumber-js's "max" metadata as phone-digits-parser reads it: the layout it knows (version 4,
 * one array per numbering plan), each plan compiled when first needed (its patterns built once, not
 * per parse as the library does), and the calling codes with their countries. Nothing here parses.
 */

import metadataJson from "libphonenumber-js/max/metadata";

// The metadata layout this follows: version 4, one array per numbering plan.
const METADATA_VERSION = 4;
const PLAN_CALLING_CODE = 0;
const PLAN_IDD_PREFIX = 1;
const PLAN_NATIONAL_NUMBER_PATTERN = 2;
const PLAN_POSSIBLE_LENGTHS = 3;
const PLAN_NATIONAL_PREFIX = 5;
const PLAN_NATIONAL_PREFIX_FOR_PARSING = 7;
const PLAN_NATIONAL_PREFIX_TRANSFORM_RULE = 8;
const PLAN_LEADING_DIGITS = 10;
const PLAN_TYPES = 11;
/** The ten number types (fixed line, mobile, toll free…); any one matching makes a number valid. */
const TYPE_COUNT = 10;

type NumberType = { readonly pattern: RegExp; readonly possibleLengths: readonly number[] | undefined };

/** One numbering plan of the metadata (a country's, or a non-geographic calling code's), compiled. */
export type NumberingPlan = {
  readonly callingCode: string;
  /** `new RegExp(IDDPrefix)`, as stripIddPrefix builds it (unanchored: it asks search() === 0). */
  readonly iddPrefix: RegExp | undefined;
  /** `^(?:pattern)$`, as matchesEntirely builds it. */
  readonly nationalNumberPattern: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
  /** `^(?:prefix)`, as extractNationalNumberFromPossiblyIncompleteNumber builds it. */
  readonly nationalPrefixForParsing: RegExp | undefined;
  readonly nationalPrefixTransformRule: string | undefined;
  /** `new RegExp(leadingDigits)`, as getCountryByNationalNumber's search() builds it. */
  readonly leadingDigits: RegExp | undefined;
  readonly hasTypes: boolean;
  /** The types with a pattern (the library skips the others), in the library's order. */
  readonly types: readonly NumberType[];
};

type PlanJson = readonly unknown[];

type Metadata = {
  readonly version: unknown;
  readonly country_calling_codes: Readonly<Record<string, readonly string[]>>;
  readonly countries: Readonly<Record<string, PlanJson>>;
  readonly nonGeographic?: Readonly<Record<string, PlanJson>>;
};

const metadata = metadataJson as unknown as Metadata;

const isString = (value: unknown): value is string => typeof value === "string";
const isLengths = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((length) => typeof length === "number");
/** The library reads absent fields as falsy (0 in the JSON): a field is a string, lengths, or falsy. */
const isOptional = (value: unknown, is: (value: unknown) => boolean) => !value || is(value);

function isTypeJson(value: unknown): boolean {
  if (!value) return true;
  return Array.isArray(value) && isString(value[0]) && isOptional(value[1], isLengths);
}

/** True when a plan has the layout this module reads; any other layout is left to the library. */
function hasKnownLayout(plan: PlanJson): boolean {
  const types = plan[PLAN_TYPES];
  return (
    isString(plan[PLAN_CALLING_CODE]) &&
    isOptional(plan[PLAN_IDD_PREFIX], isString) &&
    isString(plan[PLAN_NATIONAL_NUMBER_PATTERN]) &&
    isOptional(plan[PLAN_POSSIBLE_LENGTHS], isLengths) &&
    isOptional(plan[PLAN_NATIONAL_PREFIX], isString) &&
    isOptional(plan[PLAN_NATIONAL_PREFIX_FOR_PARSING], isString) &&
    isOptional(plan[PLAN_NATIONAL_PREFIX_TRANSFORM_RULE], isString) &&
    isOptional(plan[PLAN_LEADING_DIGITS], isString) &&
    (types === undefined || types === 0 || (Array.isArray(types) && types.every(isTypeJson)))
  );
}

function metadataHasKnownLayout(): boolean {
  if (metadata.version !== METADATA_VERSION) return false;
  const plans = [...Object.values(metadata.countries), ...Object.values(metadata.nonGeographic ?? {})];
  return plans.every(hasKnownLayout);
}

const optionalString = (value: unknown): string | undefined =>
  isString(value) && value !== "" ? value : undefined;
const optionalLengths = (value: unknown): readonly number[] | undefined =>
  isLengths(value) ? value : undefined;

function compilePlan(plan: PlanJson): NumberingPlan {
  const possibleLengths = optionalLengths(plan[PLAN_POSSIBLE_LENGTHS]);
  const typesJson = plan[PLAN_TYPES];
  const types: NumberType[] = [];
  if (Array.isArray(typesJson)) {
    for (let index = 0; index < TYPE_COUNT; index += 1) {
      const type: unknown = typesJson[index];
      // Type.pattern() empty or the type absent: isNumberTypeEqualTo says false.
      if (!Array.isArray(type) || !optionalString(type[0])) continue;
      types.push({
        pattern: new RegExp(`^(?:${type[0]})$`),
        // Type.possibleLengths(): its own, else the plan's.
        possibleLengths: optionalLengths(type[1]) ?? possibleLengths,
      });
    }
  }
  const iddPrefix = optionalString(plan[PLAN_IDD_PREFIX]);
  // NumberingPlan.nationalPrefixForParsing(): its own, else the national prefix.
  const prefixForParsing =
    optionalString(plan[PLAN_NATIONAL_PREFIX_FOR_PARSING]) ?? optionalString(plan[PLAN_NATIONAL_PREFIX]);
  const leadingDigits = optionalString(plan[PLAN_LEADING_DIGITS]);
  return {
    callingCode: plan[PLAN_CALLING_CODE] as string,
    iddPrefix: iddPrefix === undefined ? undefined : new RegExp(iddPrefix),
    nationalNumberPattern: new RegExp(`^(?:${plan[PLAN_NATIONAL_NUMBER_PATTERN] as string})$`),
    possibleLengths,
    nationalPrefixForParsing:
      prefixForParsing === undefined ? undefined : new RegExp(`^(?:${prefixForParsing})`),
    nationalPrefixTransformRule: optionalString(plan[PLAN_NATIONAL_PREFIX_TRANSFORM_RULE]),
    leadingDigits: leadingDigits === undefined ? undefined : new RegExp(leadingDigits),
    // NumberingPlan.hasTypes(): an empty list counts as none.
    hasTypes: Array.isArray(typesJson) && typesJson.length > 0,
    types,
  };
}

// Plans are compiled when first needed: a paste meets a few countries, not all ~250.
const planOfCountry = new Map<string, NumberingPlan>();
const planOfCallingCode = new Map<string, NumberingPlan>();

export function countryPlan(country: string): NumberingPlan {
  let plan = planOfCountry.get(country);
  if (plan === undefined) {
    plan = compilePlan(metadata.countries[country] as PlanJson);
    planOfCountry.set(country, plan);
  }
  return plan;
}

/**
 * The calling codes of the metadata (Metadata.hasCallingCode), each with its countries
 * (Metadata.getCountryCodesForCallingCode: none for a non-geographic code, listed as "001"), read
 * once into a Map: the JSON object's lookups cost more than the rest of a parse.
 */
let callingCodes: Map<string, { readonly countries: readonly string[] | undefined }> | undefined;

function callingCodeTable(): Map<string, { readonly countries: readonly string[] | undefined }> {
  if (callingCodes !== undefined) return callingCodes;
  callingCodes = new Map();
  for (const [callingCode, countries] of Object.entries(metadata.country_calling_codes)) {
    const nonGeographic = countries.length === 1 && (countries[0] as string).length === 3;
    if (!nonGeographic) callingCodes.set(callingCode, { countries });
  }
  for (const callingCode of Object.keys(metadata.nonGeographic ?? {})) {
    if (!callingCodes.has(callingCode)) callingCodes.set(callingCode, { countries: undefined });
  }
  return callingCodes;
}

/** Metadata.hasCallingCode. */
export function isCallingCode(callingCode: string): boolean {
  return callingCodeTable().has(callingCode);
}

export function countriesOfCallingCode(callingCode: string): readonly string[] | undefined {
  return callingCodeTable().get(callingCode)?.countries;
}

/** Metadata.selectNumberingPlan(callingCode): its first country's plan, or the non-geographic one. */
export function callingCodePlan(callingCode: string): NumberingPlan {
  let plan = planOfCallingCode.get(callingCode);
  if (plan === undefined) {
    const countries = countriesOfCallingCode(callingCode);
    plan =
      countries === undefined
        ? compilePlan(metadata.nonGeographic?.[callingCode] as PlanJson)
        : countryPlan(countries[0] as string);
    planOfCallingCode.set(callingCode, plan);
  }
  return plan;
}

let knownLayout: boolean | undefined;

/** True when the metadata has the layout read here; any other layout is left to the library. */
export function hasKnownMetadataLayout(): boolean {
  knownLayout ??= metadataHasKnownLayout();
  return knownLayout;
}

/** Whether the metadata has a numbering plan for `country` (an ISO 3166-1 alpha-2 code). */
export function isCountryOfMetadata(country: string): boolean {
  return Object.hasOwn(metadata.countries, country);
}
