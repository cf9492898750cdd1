/**
 * English names people write for a country that the platform's CLDR names (`Intl.DisplayNames`,
 * which the one-sentence fix reads) may not give: former names ("Swaziland", "Burma"), the names
 * CLDR replaced ("Czech Republic", "Turkey") and common short forms ("Holland"). Some platforms
 * know a few of them; listing them here makes every browser read them. Only names that mean one
 * country: never a part of one ("England"), nor a name two countries share ("Korea", "Congo").
 */
export const countryAliases: Readonly<Record<string, string>> = {
  'Great Britain': 'GB',
  'Czech Republic': 'CZ',
  Holland: 'NL',
  Russia: 'RU',
  'South Korea': 'KR',
  'North Korea': 'KP',
  'Ivory Coast': 'CI',
  // Renamed Eswatini in 2018.
  Swaziland: 'SZ',
  Burma: 'MM',
  // North Macedonia since 2019; the Greek region of that name is not a country, so a country field means MK.
  Macedonia: 'MK',
  // CLDR's English name is now "Türkiye".
  Turkey: 'TR',
  Türkiye: 'TR',
};
