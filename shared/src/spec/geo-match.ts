/**
 * Matching location values ("France", "FR"? no — names, ISO numeric ids, US state names/postal codes)
 * to the features of a world-atlas / us-atlas TopoJSON topology, without decoding any geometry.
 */

export interface GeoObject {
  /** The TopoJSON object name: 'countries' or 'states'. */
  feature: 'countries' | 'states';
  /** Feature name by normalised alias. */
  index: Map<string, string>;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  'is.': 'islands', 'i.': 'island', 'rep.': 'republic', 'dem.': 'democratic', 'eq.': 'equatorial', 'herz.': 'herzegovina',
  'fr.': 'french', 's.': 'south', 'n.': 'north', 'w.': 'western', 'st.': 'saint', 'ter.': 'territory', 'geo.': 'georgia',
  'barb.': 'barbuda', 'gren.': 'grenadines', 'vin.': 'vincent', 'br.': 'british', 'u.s.': 'united states', 'ant.': 'antarctic',
};

/** Lowercase, no accents, abbreviations spelled out, punctuation and "the" dropped. */
export function normaliseLocation(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/\s+/)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
  return words
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'the' && w !== 'of')
    .join(' ');
}

/** Common alternative names → the world-atlas name. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'United States of America', us: 'United States of America', 'united states': 'United States of America', america: 'United States of America',
  uk: 'United Kingdom', 'great britain': 'United Kingdom', britain: 'United Kingdom', 'czech republic': 'Czechia',
  'ivory coast': "Côte d'Ivoire", swaziland: 'eSwatini', eswatini: 'eSwatini', drc: 'Dem. Rep. Congo', 'congo kinshasa': 'Dem. Rep. Congo',
  'democratic republic congo': 'Dem. Rep. Congo', 'republic congo': 'Congo', 'congo brazzaville': 'Congo', 'korea republic': 'South Korea',
  'republic korea': 'South Korea', korea: 'South Korea', 'korea democratic people s republic': 'North Korea', 'russian federation': 'Russia',
  'iran islamic republic': 'Iran', 'viet nam': 'Vietnam', 'lao pdr': 'Laos', 'lao people s democratic republic': 'Laos',
  'syrian arab republic': 'Syria', 'north macedonia': 'Macedonia', 'bolivia plurinational state': 'Bolivia', 'tanzania united republic': 'Tanzania',
  'united republic tanzania': 'Tanzania', 'venezuela bolivarian republic': 'Venezuela', 'moldova republic': 'Moldova', 'republic moldova': 'Moldova',
  'east timor': 'Timor-Leste', 'brunei darussalam': 'Brunei', holland: 'Netherlands', 'cabo verde': 'Cape Verde', burma: 'Myanmar',
  turkiye: 'Turkey', uae: 'United Arab Emirates', 'state palestine': 'Palestine', 'falkland islands malvinas': 'Falkland Is.',
};

/** US states (+ DC, PR): postal code → name. */
const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico',
};

interface TopoGeometry {
  id?: unknown;
  properties?: { name?: unknown };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read a topology's countries/states object into an alias index; a readable error string when it is not one. */
export function indexTopology(topology: unknown): GeoObject | string {
  if (!isRecord(topology) || topology.type !== 'Topology' || !isRecord(topology.objects)) {
    return 'The map needs a TopoJSON topology (world-atlas countries or us-atlas states); none was given.';
  }
  const objects = topology.objects;
  const feature = isRecord(objects.states) ? 'states' : isRecord(objects.countries) ? 'countries' : null;
  if (!feature) return `The map shapes have no "countries" or "states" object (found: ${Object.keys(objects).join(', ') || 'none'}).`;
  const geometries = (objects[feature] as { geometries?: unknown }).geometries;
  if (!Array.isArray(geometries)) return `The "${feature}" object of the map shapes has no geometries.`;
  const index = new Map<string, string>();
  const add = (alias: string, name: string): void => {
    const key = normaliseLocation(alias);
    if (key && !index.has(key)) index.set(key, name);
  };
  for (const g of geometries as TopoGeometry[]) {
    const name = g.properties?.name;
    if (typeof name !== 'string') continue;
    add(name, name);
    if (typeof g.id === 'string' || typeof g.id === 'number') {
      add(String(g.id), name);
      if (/^\d+$/.test(String(g.id))) add(String(Number(g.id)), name);
    }
  }
  const names = new Set(index.values());
  const aliases: Record<string, string> = feature === 'states' ? US_STATES : COUNTRY_ALIASES;
  for (const [alias, name] of Object.entries(aliases)) if (names.has(name)) add(alias, name);
  return { feature, index };
}

/** The feature name a location value stands for, or null. */
export function matchLocation(geo: GeoObject, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return geo.index.get(normaliseLocation(String(value))) ?? null;
}
