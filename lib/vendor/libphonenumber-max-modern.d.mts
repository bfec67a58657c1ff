// The same functions as libphonenumber-js/max (see libphonenumber-max-modern.mjs), with its types.
export { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
