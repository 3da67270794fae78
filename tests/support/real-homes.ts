/**
 * The homes the name reading (server/importers/resolution/home-country.ts) derives from the real
 * sources' organisation names: the unit test runs the importers' fact builders over the sources,
 * the integration test imports them, and both must find exactly these.
 */
export const HOMES_FROM_REAL_NAMES: Readonly<Record<string, string>> = {
  'org:government-of-bangladesh': 'BD',
  'org:government-of-brazil': 'BR',
  'org:government-of-cambodia': 'KH',
  'org:government-of-ethiopia': 'ET',
  'org:government-of-france': 'FR',
  'org:government-of-guatemala': 'GT',
  'org:government-of-malawi': 'MW',
  'org:government-of-moldova': 'MD',
  'org:government-of-nigeria': 'NG',
  'org:government-of-singapore': 'SG',
  'org:government-of-south-africa': 'ZA',
  'org:government-of-sri-lanka': 'LK',
  'org:government-of-the-dominican-republic': 'DO',
  'org:government-of-uruguay': 'UY',
  'org:government-technology-agency-singapore': 'SG',
  'org:ideasis-turkey': 'TR',
  'org:igrant-io': 'SE',
  'org:national-statistical-committee-nsc-of-the-kyrgyz-republic': 'KG',
  'org:norwegian-digitalisation-agency': 'NO',
  'org:norwegian-meteorological-insitute': 'NO',
  'org:plan-international-australia': 'AU',
  'org:scottish-environmental-protection-agency': 'GB',
  'org:statistics-norway': 'NO',
  'org:statistics-sweden': 'SE',
  'org:swedish-meteorological-and-hydrological-institute-smhi': 'SE',
  'org:swiss-agency-for-development-and-cooperation': 'CH',
  'org:vaccine-hunters-canada': 'CA',
};
