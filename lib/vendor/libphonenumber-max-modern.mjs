/**
 * libphonenumber-js/max, built for modern engines. The package ships its code twice, with the same
 * source and version: `es6/` (what its `max` entry point uses), compiled down with Babel helpers, and
 * `es6-modern/`, with native object spread and for…of. The helpers are the largest part of a parse:
 * in node, `_objectSpread` alone took ~1.4 µs of a ~10 µs parse of "+351912345678", and the grid
 * parses every phone of a 100,000-row paste. next.config.ts points `libphonenumber-js/max` here
 * (turbopack.resolveAlias); the package's exports map hides `es6-modern/`, hence the relative paths.
 * Only what the console uses is exported: anything else fails the build, loudly.
 * libphonenumber-max-modern.test.ts checks it answers as libphonenumber-js/max does.
 */
import metadata from "libphonenumber-js/metadata.max.json";
import getCountriesOf from "../../node_modules/libphonenumber-js/es6-modern/getCountries.js";
import { getCountryCallingCode as callingCodeOf } from "../../node_modules/libphonenumber-js/es6-modern/metadata.js";
import parsePhoneNumberWithMetadata from "../../node_modules/libphonenumber-js/es6-modern/parsePhoneNumber.js";

export function parsePhoneNumberFromString(text, defaultCountryOrOptions) {
  return parsePhoneNumberWithMetadata(text, defaultCountryOrOptions, metadata);
}

export function getCountryCallingCode(country) {
  return callingCodeOf(country, metadata);
}

export function getCountries() {
  return getCountriesOf(metadata);
}
