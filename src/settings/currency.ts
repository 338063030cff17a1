/** The reporting currency setting: any ISO 4217 code the runtime's Intl can format. */
let knownCodes: Set<string> | undefined;

/** True for an upper-case ISO 4217 code the runtime's Intl can format (`USD`), false for `XYZ` or `usd`. */
export function isCurrencyCode(code: string): boolean {
  knownCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCodes.has(code);
}
