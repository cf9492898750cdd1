/**
 * The closed sets of values of the token request. Each list is copied from a public source,
 * named above it, so that a reader can check it.
 */

/**
 * ISO 3166-1 alpha-2 codes accepted in `country` and `nationality`: the 249 codes of the
 * standard plus `XK` (Kosovo), as in the `CountryEnum` of iDenfy's OpenAPI description.
 */
export const countryCodes = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'XK', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;

export type CountryCode = (typeof countryCodes)[number];

/**
 * Document types accepted in `documents`: the request list of iDenfy's token documentation
 * (2019–2023) joined with the `KycDocumentTypeEnum` of its OpenAPI description (2026).
 */
export const documentTypes = [
  'ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'DRIVER_LICENSE', 'OTHER', 'AADHAAR',
  'PAN_CARD', 'VISA', 'BORDER_CROSSING', 'ASYLUM', 'NATIONAL_PASSPORT', 'INTERNATIONAL_PASSPORT',
  'VOTER_CARD', 'OLD_ID_CARD', 'TRAVEL_CARD', 'PHOTO_CARD', 'MILITARY_CARD', 'PROOF_OF_AGE_CARD',
  'DIPLOMATIC_ID', 'PROVISIONAL_DRIVER_LICENSE', 'ADDRESS_CARD', 'SMART_ID', 'CLEAR', 'ONE_ID',
  'BANK_ID_SE', 'BANK_ID_NO', 'BANK_ID_CZ', 'FTN', 'MIT_ID', 'VERIMI',
  'LA_WALLET', 'SAMSUNG_WALLET', 'MOJE_ID_CZ', 'YOTI_ID', 'SOCIAL_SECURITY_CARD', 'WORK_PERMIT',
] as const;

export type DocumentType = (typeof documentTypes)[number];

/** `tokenType` values: the five of the token documentation (2020–2023); OpenAPI 2026 lists the first two. */
export const tokenTypes = [
  'IDENTIFICATION',
  'DOCUMENT',
  'VIDEO_CALL',
  'VIDEO_CALL_PHOTOS',
  'VIDEO_CALL_IDENTIFICATION',
] as const;

export type TokenType = (typeof tokenTypes)[number];

/** The 16 documented UI languages; any other `locale` falls back to English. */
export const documentedLocales = [
  'lt', 'en', 'ru', 'pl', 'lv', 'ro', 'it', 'de', 'fr', 'sv', 'es', 'hu', 'ja', 'bg', 'et', 'cs',
] as const;

export const sexes = ['M', 'F'] as const;

/** `dummyStatus` values; `ACTIVE` appears only in the older documentation. */
export const dummyStatuses = ['APPROVED', 'DENIED', 'SUSPECTED', 'EXPIRED', 'ACTIVE'] as const;

/** `fraudServices` values (token documentation, 2022). */
export const fraudServices = ['AML_NAMES_CHECK', 'LID', 'AML_NEWS'] as const;

/** `detectionTypes` values (token documentation, 2022). */
export const detectionTypes = ['FACE', 'EYES'] as const;
