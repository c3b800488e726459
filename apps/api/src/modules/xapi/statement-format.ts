import { isObject, type Json, type JsonObject } from './xapi-validation';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

/** Agents and Groups reduced to their identifiers (format=ids); anonymous groups keep their members' ids. */
function idsOfActor(actor: Json | undefined): Json | undefined {
  if (!isObject(actor)) return actor;
  const out: JsonObject = {};
  if (actor.objectType !== undefined) out.objectType = actor.objectType;
  for (const key of ['mbox', 'mbox_sha1sum', 'openid', 'account']) if (actor[key] !== undefined) out[key] = actor[key];
  const identified = Object.keys(out).some((k) => k !== 'objectType');
  if (!identified && Array.isArray(actor.member)) out.member = actor.member.map((m) => idsOfActor(m) ?? null);
  return out;
}

function idsOfObject(object: Json | undefined): Json | undefined {
  if (!isObject(object)) return object;
  const type = object.objectType ?? 'Activity';
  if (type === 'Activity') return object.objectType ? { objectType: 'Activity', id: object.id ?? null } : { id: object.id ?? null };
  if (type === 'Agent' || type === 'Group') return idsOfActor(object);
  if (type === 'SubStatement') return idsOfStatement(object);
  return object;
}

function idsOfContext(context: Json | undefined): Json | undefined {
  if (!isObject(context)) return context;
  const out: JsonObject = { ...context };
  if (context.instructor !== undefined) out.instructor = idsOfActor(context.instructor) ?? null;
  if (context.team !== undefined) out.team = idsOfActor(context.team) ?? null;
  if (isObject(context.contextActivities)) {
    out.contextActivities = Object.fromEntries(
      Object.entries(context.contextActivities).map(([k, list]) => [k, Array.isArray(list) ? list.map((a) => idsOfObject(a) ?? null) : list]),
    );
  }
  return out;
}

function idsOfStatement(statement: JsonObject): JsonObject {
  const out: JsonObject = { ...statement };
  if (statement.actor !== undefined) out.actor = idsOfActor(statement.actor) ?? null;
  if (isObject(statement.verb)) out.verb = { id: statement.verb.id ?? null };
  if (statement.object !== undefined) out.object = idsOfObject(statement.object) ?? null;
  if (statement.context !== undefined) out.context = idsOfContext(statement.context) ?? null;
  if (statement.authority !== undefined) out.authority = idsOfActor(statement.authority) ?? null;
  return out;
}

/** Accept-Language as an ordered list of tags (highest q first). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((item, index) => {
      const [tag, ...params] = item.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: (tag ?? '').trim().toLowerCase(), q: q ? Number(q) : 1, index };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** One entry of a language map: the best match of the preferences, else the first. */
function pickLanguage(map: JsonObject, languages: string[]): JsonObject {
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  for (const wanted of languages) {
    if (wanted === '*') break;
    const exact = keys.find((k) => k.toLowerCase() === wanted);
    if (exact) return { [exact]: map[exact]! };
    const prefix = keys.find((k) => k.toLowerCase().split('-')[0] === wanted.split('-')[0]);
    if (prefix) return { [prefix]: map[prefix]! };
  }
  return { [keys[0]!]: map[keys[0]!]! };
}

const LANGUAGE_MAP_KEYS = new Set(['display', 'name', 'description']);

function filterLanguages(value: Json, languages: string[], parentKey = ''): Json {
  if (Array.isArray(value)) return value.map((v) => filterLanguages(v, languages, parentKey));
  if (!isObject(value)) return value;
  // "name" of an Agent is a string; language maps are objects under display/name/description.
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'extensions') out[key] = child;
    else if (LANGUAGE_MAP_KEYS.has(key) && isObject(child)) out[key] = pickLanguage(child, languages);
    else out[key] = filterLanguages(child, languages, key);
  }
  return out;
}

/** Replaces activity definitions (object, context activities, sub-statement) by the LRS's canonical ones. */
function withCanonicalDefinitions(statement: JsonObject, definitions: Map<string, JsonObject>): JsonObject {
  const activity = (object: Json | undefined): Json | undefined => {
    if (!isObject(object) || (object.objectType ?? 'Activity') !== 'Activity' || typeof object.id !== 'string') return object;
    const definition = definitions.get(object.id);
    return definition ? { ...object, definition } : object;
  };
  const context = (value: Json | undefined): Json | undefined => {
    if (!isObject(value) || !isObject(value.contextActivities)) return value;
    const lists = Object.entries(value.contextActivities).map(([k, list]) => [k, Array.isArray(list) ? list.map((a) => activity(a) ?? null) : list]);
    return { ...value, contextActivities: Object.fromEntries(lists) as JsonObject };
  };
  const out: JsonObject = { ...statement };
  if (statement.object !== undefined) out.object = activity(statement.object) ?? null;
  if (statement.context !== undefined) out.context = context(statement.context) ?? null;
  if (isObject(out.object) && out.object.objectType === 'SubStatement') out.object = withCanonicalDefinitions(out.object, definitions);
  return out;
}

/** Activity ids a statement names (object, context activities, sub-statement), for canonical definitions. */
export function activityIdsIn(statement: JsonObject): string[] {
  const ids: string[] = [];
  const visit = (object: Json | undefined) => {
    if (isObject(object) && (object.objectType ?? 'Activity') === 'Activity' && typeof object.id === 'string') ids.push(object.id);
  };
  const visitContext = (context: Json | undefined) => {
    if (!isObject(context) || !isObject(context.contextActivities)) return;
    for (const list of Object.values(context.contextActivities)) if (Array.isArray(list)) list.forEach(visit);
  };
  visit(statement.object);
  visitContext(statement.context);
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement') {
    visit(statement.object.object);
    visitContext(statement.object.context);
  }
  return ids;
}

export function formatStatement(statement: JsonObject, format: StatementFormat, languages: string[], definitions: Map<string, JsonObject>): JsonObject {
  if (format === 'ids') return idsOfStatement(statement);
  if (format === 'canonical') return filterLanguages(withCanonicalDefinitions(statement, definitions), languages) as JsonObject;
  return statement;
}
