/**
 * Validation of xAPI statements (xAPI 1.0.3 Part 2 and IEEE 9274.1.1 / xAPI 2.0), written out by hand
 * because the rules depend on each other (objectType decides the shape, an Agent needs exactly one
 * inverse functional identifier, revision/platform only for Activities…). Every problem is collected
 * with the path of the property at fault; the caller answers 400 with all of them.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type XapiMajor = '1.0' | '2.0';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const LANGUAGE_TAG = /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[0-9a-wyz](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$|^x(?:-[a-z\d]{1,8})+$|^und$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const DURATION = /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;
const MBOX = /^mailto:[^@\s:/]+@[^@\s/]+$/i;
const SHA1 = /^[0-9a-f]{40}$/i;
const SHA2 = /^[0-9a-f]{56,128}$/i;
const VERSION = /^(?:1\.0(?:\.\d+)?|2\.0(?:\.\d+)?)$/;

export const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'] as const;
const COMPONENT_LISTS: Record<string, string[]> = {
  choice: ['choices'],
  sequencing: ['choices'],
  likert: ['scale'],
  matching: ['source', 'target'],
  performance: ['steps'],
};
const ALL_COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'];

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
export const isIri = (v: unknown): v is string => typeof v === 'string' && IRI.test(v);
export const isTimestamp = (v: unknown): v is string =>
  typeof v === 'string' && TIMESTAMP.test(v) && !/-00:?00$/.test(v) && !Number.isNaN(Date.parse(v));
export const isVersion = (v: unknown): v is string => typeof v === 'string' && VERSION.test(v);
export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export class XapiValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid xAPI data: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (and ${problems.length - 20} more)` : ''}`);
  }
}

class Checker {
  readonly problems: string[] = [];
  constructor(readonly major: XapiMajor) {}

  fail(path: string, message: string): void {
    this.problems.push(`${path} ${message}`);
  }

  allowed(value: JsonObject, path: string, keys: readonly string[]): void {
    for (const key of Object.keys(value)) if (!keys.includes(key)) this.fail(`${path}.${key}`, 'is not a property allowed here');
  }

  object(value: unknown, path: string): value is JsonObject {
    if (isObject(value)) return true;
    this.fail(path, 'must be an object');
    return false;
  }

  string(value: unknown, path: string): value is string {
    if (typeof value === 'string') return true;
    this.fail(path, 'must be a string');
    return false;
  }

  iri(value: unknown, path: string): void {
    if (!isIri(value)) this.fail(path, 'must be an absolute IRI');
  }

  languageMap(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    for (const [tag, text] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(tag)) this.fail(`${path}.${tag}`, 'is not an RFC 5646 language tag');
      if (typeof text !== 'string') this.fail(`${path}.${tag}`, 'must be a string');
    }
  }

  extensions(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    for (const key of Object.keys(value)) if (!isIri(key)) this.fail(`${path}.${key}`, 'extension keys must be IRIs');
  }

  uuid(value: unknown, path: string): void {
    if (!isUuid(value)) this.fail(path, 'must be a UUID');
  }

  /** Agent (objectType absent or "Agent"): exactly one IFI. */
  agent(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    if (value.objectType !== undefined && value.objectType !== 'Agent') this.fail(`${path}.objectType`, 'must be "Agent"');
    this.allowed(value, path, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']);
    if (value.name !== undefined) this.string(value.name, `${path}.name`);
    const ifis = this.ifis(value, path);
    if (ifis !== 1) this.fail(path, `must have exactly one of mbox, mbox_sha1sum, openid, account (has ${ifis})`);
  }

  group(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    if (value.objectType !== 'Group') this.fail(`${path}.objectType`, 'must be "Group"');
    this.allowed(value, path, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account', 'member']);
    if (value.name !== undefined) this.string(value.name, `${path}.name`);
    const ifis = this.ifis(value, path);
    if (ifis > 1) this.fail(path, 'may have at most one of mbox, mbox_sha1sum, openid, account');
    if (value.member !== undefined) {
      if (!Array.isArray(value.member)) this.fail(`${path}.member`, 'must be an array of Agents');
      else value.member.forEach((m, i) => this.agent(m, `${path}.member[${i}]`));
    }
    if (ifis === 0 && (!Array.isArray(value.member) || value.member.length === 0)) this.fail(path, 'an anonymous Group must list its members');
  }

  actor(value: unknown, path: string): void {
    if (isObject(value) && value.objectType === 'Group') this.group(value, path);
    else this.agent(value, path);
  }

  private ifis(value: JsonObject, path: string): number {
    let count = 0;
    if (value.mbox !== undefined) {
      count++;
      if (typeof value.mbox !== 'string' || !MBOX.test(value.mbox)) this.fail(`${path}.mbox`, 'must be a mailto: IRI');
    }
    if (value.mbox_sha1sum !== undefined) {
      count++;
      if (typeof value.mbox_sha1sum !== 'string' || !SHA1.test(value.mbox_sha1sum)) this.fail(`${path}.mbox_sha1sum`, 'must be a hex SHA-1');
    }
    if (value.openid !== undefined) {
      count++;
      this.iri(value.openid, `${path}.openid`);
    }
    if (value.account !== undefined) {
      count++;
      const account = value.account;
      if (this.object(account, `${path}.account`)) {
        this.allowed(account, `${path}.account`, ['homePage', 'name']);
        this.iri(account.homePage, `${path}.account.homePage`);
        if (typeof account.name !== 'string' || account.name === '') this.fail(`${path}.account.name`, 'must be a non-empty string');
      }
    }
    return count;
  }

  verb(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.allowed(value, path, ['id', 'display']);
    this.iri(value.id, `${path}.id`);
    if (value.display !== undefined) this.languageMap(value.display, `${path}.display`);
  }

  activity(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    if (value.objectType !== undefined && value.objectType !== 'Activity') this.fail(`${path}.objectType`, 'must be "Activity"');
    this.allowed(value, path, ['objectType', 'id', 'definition']);
    this.iri(value.id, `${path}.id`);
    if (value.definition !== undefined) this.definition(value.definition, `${path}.definition`);
  }

  private definition(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.allowed(value, path, ['name', 'description', 'type', 'moreInfo', 'extensions', 'interactionType', 'correctResponsesPattern', ...ALL_COMPONENT_LISTS]);
    if (value.name !== undefined) this.languageMap(value.name, `${path}.name`);
    if (value.description !== undefined) this.languageMap(value.description, `${path}.description`);
    if (value.type !== undefined) this.iri(value.type, `${path}.type`);
    if (value.moreInfo !== undefined) this.iri(value.moreInfo, `${path}.moreInfo`);
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
    const interactionType = value.interactionType;
    if (interactionType !== undefined && !(INTERACTION_TYPES as readonly string[]).includes(interactionType as string)) {
      this.fail(`${path}.interactionType`, `must be one of ${INTERACTION_TYPES.join(', ')}`);
    }
    if (value.correctResponsesPattern !== undefined) {
      if (interactionType === undefined) this.fail(`${path}.correctResponsesPattern`, 'needs an interactionType');
      if (!Array.isArray(value.correctResponsesPattern) || value.correctResponsesPattern.some((p) => typeof p !== 'string')) {
        this.fail(`${path}.correctResponsesPattern`, 'must be an array of strings');
      }
    }
    const allowedLists = typeof interactionType === 'string' ? (COMPONENT_LISTS[interactionType] ?? []) : [];
    for (const list of ALL_COMPONENT_LISTS) {
      if (value[list] === undefined) continue;
      if (!allowedLists.includes(list)) {
        this.fail(`${path}.${list}`, `is not allowed for interactionType ${String(interactionType ?? '(none)')}`);
        continue;
      }
      const components = value[list];
      if (!Array.isArray(components)) {
        this.fail(`${path}.${list}`, 'must be an array');
        continue;
      }
      const ids = new Set<string>();
      components.forEach((component, i) => {
        const at = `${path}.${list}[${i}]`;
        if (!this.object(component, at)) return;
        this.allowed(component, at, ['id', 'description']);
        if (typeof component.id !== 'string' || component.id === '') this.fail(`${at}.id`, 'must be a non-empty string');
        else if (ids.has(component.id)) this.fail(`${at}.id`, 'is used twice');
        else ids.add(component.id);
        if (component.description !== undefined) this.languageMap(component.description, `${at}.description`);
      });
    }
  }

  statementRef(value: JsonObject, path: string): void {
    this.allowed(value, path, ['objectType', 'id']);
    this.uuid(value.id, `${path}.id`);
  }

  object_(value: unknown, path: string, inSubStatement: boolean): void {
    if (!this.object(value, path)) return;
    switch (value.objectType ?? 'Activity') {
      case 'Activity':
        return this.activity(value, path);
      case 'Agent':
        return this.agent(value, path);
      case 'Group':
        return this.group(value, path);
      case 'StatementRef':
        return this.statementRef(value, path);
      case 'SubStatement':
        if (inSubStatement) return this.fail(path, 'a SubStatement cannot contain another SubStatement');
        return this.subStatement(value, path);
      default:
        this.fail(`${path}.objectType`, 'must be Activity, Agent, Group, StatementRef or SubStatement');
    }
  }

  result(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.allowed(value, path, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
    if (value.score !== undefined && this.object(value.score, `${path}.score`)) {
      const score = value.score;
      this.allowed(score, `${path}.score`, ['scaled', 'raw', 'min', 'max']);
      for (const key of ['scaled', 'raw', 'min', 'max']) {
        if (score[key] !== undefined && typeof score[key] !== 'number') this.fail(`${path}.score.${key}`, 'must be a number');
      }
      const { scaled, raw, min, max } = score as Record<string, number | undefined>;
      if (typeof scaled === 'number' && (scaled < -1 || scaled > 1)) this.fail(`${path}.score.scaled`, 'must be between -1 and 1');
      if (typeof min === 'number' && typeof max === 'number' && min >= max) this.fail(`${path}.score.min`, 'must be less than max');
      if (typeof raw === 'number' && typeof min === 'number' && raw < min) this.fail(`${path}.score.raw`, 'must not be less than min');
      if (typeof raw === 'number' && typeof max === 'number' && raw > max) this.fail(`${path}.score.raw`, 'must not be greater than max');
    }
    if (value.success !== undefined && typeof value.success !== 'boolean') this.fail(`${path}.success`, 'must be true or false');
    if (value.completion !== undefined && typeof value.completion !== 'boolean') this.fail(`${path}.completion`, 'must be true or false');
    if (value.response !== undefined) this.string(value.response, `${path}.response`);
    if (value.duration !== undefined && (typeof value.duration !== 'string' || !DURATION.test(value.duration))) this.fail(`${path}.duration`, 'must be an ISO 8601 duration');
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
  }

  context(value: unknown, path: string, objectIsActivity: boolean): void {
    if (!this.object(value, path)) return;
    const keys = ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions'];
    if (this.major === '2.0') keys.push('contextAgents', 'contextGroups');
    this.allowed(value, path, keys);
    if (value.registration !== undefined) this.uuid(value.registration, `${path}.registration`);
    if (value.instructor !== undefined) this.actor(value.instructor, `${path}.instructor`);
    if (value.team !== undefined) this.group(value.team, `${path}.team`);
    if (value.revision !== undefined) {
      this.string(value.revision, `${path}.revision`);
      if (!objectIsActivity) this.fail(`${path}.revision`, 'is only allowed when the object is an Activity');
    }
    if (value.platform !== undefined) {
      this.string(value.platform, `${path}.platform`);
      if (!objectIsActivity) this.fail(`${path}.platform`, 'is only allowed when the object is an Activity');
    }
    if (value.language !== undefined && (typeof value.language !== 'string' || !LANGUAGE_TAG.test(value.language))) this.fail(`${path}.language`, 'must be an RFC 5646 language tag');
    if (value.statement !== undefined && this.object(value.statement, `${path}.statement`)) {
      if (value.statement.objectType !== 'StatementRef') this.fail(`${path}.statement.objectType`, 'must be "StatementRef"');
      this.statementRef(value.statement, `${path}.statement`);
    }
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
    if (value.contextActivities !== undefined && this.object(value.contextActivities, `${path}.contextActivities`)) {
      const ca = value.contextActivities;
      this.allowed(ca, `${path}.contextActivities`, ['parent', 'grouping', 'category', 'other']);
      for (const [key, list] of Object.entries(ca)) {
        const items = Array.isArray(list) ? list : [list];
        items.forEach((item, i) => this.activity(item, `${path}.contextActivities.${key}[${i}]`));
      }
    }
    if (value.contextAgents !== undefined) this.contextList(value.contextAgents, `${path}.contextAgents`, 'agent');
    if (value.contextGroups !== undefined) this.contextList(value.contextGroups, `${path}.contextGroups`, 'group');
  }

  private contextList(value: unknown, path: string, kind: 'agent' | 'group'): void {
    if (!Array.isArray(value)) return this.fail(path, 'must be an array');
    value.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (!this.object(item, at)) return;
      this.allowed(item, at, ['objectType', kind, 'relevantTypes']);
      if (item.objectType !== (kind === 'agent' ? 'contextAgent' : 'contextGroup')) this.fail(`${at}.objectType`, `must be "${kind === 'agent' ? 'contextAgent' : 'contextGroup'}"`);
      if (kind === 'agent') this.agent(item.agent, `${at}.agent`);
      else this.group(item.group, `${at}.group`);
      if (item.relevantTypes !== undefined) {
        if (!Array.isArray(item.relevantTypes) || item.relevantTypes.length === 0) this.fail(`${at}.relevantTypes`, 'must be a non-empty array of IRIs');
        else item.relevantTypes.forEach((t, j) => this.iri(t, `${at}.relevantTypes[${j}]`));
      }
    });
  }

  attachments(value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, 'must be an array');
    value.forEach((a, i) => {
      const at = `${path}[${i}]`;
      if (!this.object(a, at)) return;
      this.allowed(a, at, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
      this.iri(a.usageType, `${at}.usageType`);
      this.languageMap(a.display, `${at}.display`);
      if (a.description !== undefined) this.languageMap(a.description, `${at}.description`);
      if (typeof a.contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(a.contentType)) this.fail(`${at}.contentType`, 'must be an Internet Media Type');
      if (typeof a.length !== 'number' || !Number.isInteger(a.length) || a.length < 0) this.fail(`${at}.length`, 'must be a whole number of octets');
      if (typeof a.sha2 !== 'string' || !SHA2.test(a.sha2)) this.fail(`${at}.sha2`, 'must be a hex SHA-2 hash');
      if (a.fileUrl !== undefined) this.iri(a.fileUrl, `${at}.fileUrl`);
    });
  }

  subStatement(value: JsonObject, path: string): void {
    this.allowed(value, path, ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
    this.core(value, path, true);
  }

  /** What statements and sub-statements share. */
  core(value: JsonObject, path: string, inSubStatement: boolean): void {
    if (value.actor === undefined) this.fail(`${path}.actor`, 'is required');
    else this.actor(value.actor, `${path}.actor`);
    if (value.verb === undefined) this.fail(`${path}.verb`, 'is required');
    else this.verb(value.verb, `${path}.verb`);
    if (value.object === undefined) this.fail(`${path}.object`, 'is required');
    else this.object_(value.object, `${path}.object`, inSubStatement);
    if (value.result !== undefined) this.result(value.result, `${path}.result`);
    const objectIsActivity = isObject(value.object) && (value.object.objectType ?? 'Activity') === 'Activity';
    if (value.context !== undefined) this.context(value.context, `${path}.context`, objectIsActivity);
    if (value.timestamp !== undefined && !isTimestamp(value.timestamp)) this.fail(`${path}.timestamp`, 'must be an ISO 8601 timestamp with a time zone');
    if (value.attachments !== undefined) this.attachments(value.attachments, `${path}.attachments`);
  }
}

/** Checks one statement; returns it with context activities as arrays (the form the LRS stores and returns). */
export function validateStatement(raw: unknown, major: XapiMajor, path = 'statement'): JsonObject {
  const check = new Checker(major);
  if (!check.object(raw, path)) throw new XapiValidationError(check.problems);
  check.allowed(raw, path, ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
  if (raw.id !== undefined) check.uuid(raw.id, `${path}.id`);
  check.core(raw, path, false);
  if (raw.stored !== undefined && !isTimestamp(raw.stored)) check.fail(`${path}.stored`, 'must be an ISO 8601 timestamp');
  if (raw.authority !== undefined) {
    check.actor(raw.authority, `${path}.authority`);
    if (isObject(raw.authority) && raw.authority.objectType === 'Group') {
      const members = raw.authority.member;
      if (!Array.isArray(members) || members.length !== 2) check.fail(`${path}.authority`, 'a Group authority must have exactly two members (OAuth consumer and user)');
    }
  }
  if (raw.version !== undefined && !isVersion(raw.version)) check.fail(`${path}.version`, 'must be 1.0.x or 2.0.x');
  if (isObject(raw.verb) && raw.verb.id === VOIDED_VERB) {
    if (!isObject(raw.object) || raw.object.objectType !== 'StatementRef') check.fail(`${path}.object`, 'of a voiding statement must be a StatementRef');
  }
  if (check.problems.length > 0) throw new XapiValidationError(check.problems);
  return normalise(raw);
}

function normalise(statement: JsonObject): JsonObject {
  const copy = structuredClone(statement);
  const arrays = (context: Json | undefined) => {
    if (!isObject(context) || !isObject(context.contextActivities)) return;
    for (const [key, list] of Object.entries(context.contextActivities)) {
      if (!Array.isArray(list)) context.contextActivities[key] = [list];
    }
  };
  arrays(copy.context);
  if (isObject(copy.object) && copy.object.objectType === 'SubStatement') arrays(copy.object.context);
  return copy;
}

/** Checks an Agent (or, when allowed, an identified Group) given as a query parameter. */
export function validateAgentParameter(raw: unknown, major: XapiMajor, name = 'agent'): JsonObject {
  const check = new Checker(major);
  if (isObject(raw) && raw.objectType === 'Group') {
    check.group(raw, name);
    if (!ifiOf(raw)) check.fail(name, 'must be an Agent or an identified Group');
  } else check.agent(raw, name);
  if (check.problems.length > 0) throw new XapiValidationError(check.problems);
  return raw as JsonObject;
}

/** The inverse functional identifier of an Agent or identified Group, as one comparable string. */
export function ifiOf(agent: Json | undefined): string | null {
  if (!isObject(agent)) return null;
  if (typeof agent.mbox === 'string') return `mbox:${agent.mbox.toLowerCase()}`;
  if (typeof agent.mbox_sha1sum === 'string') return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
  if (isObject(agent.account)) return `account:${String(agent.account.homePage)}|${String(agent.account.name)}`;
  return null;
}

/** JSON with object keys sorted: equal statements give equal strings. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
