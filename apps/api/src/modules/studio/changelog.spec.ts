import { changelogBetween, type VersionSnapshot } from './changelog';

const v1: VersionSnapshot = {
  versionNumber: 1,
  fields: { title: 'Khoá', summary: 'A', translations: {} },
  modules: [
    { key: 'm1', title: 'Một', position: 1, translations: {} },
    { key: 'm2', title: 'Hai', position: 2, translations: {} },
  ],
  lessons: [
    { key: 'l1', moduleKey: 'm1', title: 'Bài 1', position: 1, fields: { kind: 'text', body: '<p>a</p>', competencies: [] } },
    { key: 'l2', moduleKey: 'm1', title: 'Bài 2', position: 2, fields: { kind: 'text', body: '<p>b</p>', competencies: [] } },
    { key: 'l3', moduleKey: 'm2', title: 'Bài 3', position: 1, fields: { kind: 'video', mediaAssetId: null, competencies: [] } },
  ],
};

describe('changelogBetween', () => {
  it('is empty between identical versions (key order in JSON does not matter)', () => {
    const copy: VersionSnapshot = { ...structuredClone(v1), versionNumber: 2, fields: { translations: {}, summary: 'A', title: 'Khoá' } };
    const log = changelogBetween(v1, copy);
    expect(log).toEqual({
      fromVersion: 1,
      toVersion: 2,
      courseFields: [],
      modules: { added: [], removed: [], changed: [] },
      lessons: { added: [], removed: [], changed: [] },
    });
  });

  it('names added, removed and changed modules and lessons by key, with the fields that changed', () => {
    const v2 = structuredClone(v1);
    v2.versionNumber = 2;
    v2.fields.summary = 'B';
    v2.modules = [{ key: 'm2', title: 'Hai (mới)', position: 1, translations: { en: { title: 'Two' } } }, { key: 'm3', title: 'Ba', position: 2, translations: {} }];
    v2.lessons = [
      { key: 'l3', moduleKey: 'm2', title: 'Bài 3', position: 1, fields: { kind: 'video', mediaAssetId: 'a1', competencies: [] } },
      { key: 'l1', moduleKey: 'm2', title: 'Bài 1', position: 2, fields: { kind: 'text', body: '<p>a2</p>', competencies: ['digcomp-2.2:4.2@2.2.0:2'] } },
      { key: 'l4', moduleKey: 'm3', title: 'Bài 4', position: 1, fields: { kind: 'quiz', competencies: [] } },
    ];
    const log = changelogBetween(v1, v2);
    expect(log.courseFields).toEqual(['summary']);
    expect(log.modules.added).toEqual([{ key: 'm3', title: 'Ba' }]);
    expect(log.modules.removed).toEqual([{ key: 'm1', title: 'Một' }]);
    expect(log.modules.changed).toEqual([{ key: 'm2', title: 'Hai (mới)', fields: ['position', 'title', 'translations'] }]);
    expect(log.lessons.added).toEqual([{ key: 'l4', title: 'Bài 4', moduleKey: 'm3' }]);
    expect(log.lessons.removed).toEqual([{ key: 'l2', title: 'Bài 2', moduleKey: 'm1' }]);
    expect(log.lessons.changed).toEqual([
      { key: 'l3', title: 'Bài 3', moduleKey: 'm2', fields: ['mediaAssetId'] },
      { key: 'l1', title: 'Bài 1', moduleKey: 'm2', fields: ['body', 'competencies', 'module', 'position'] },
    ]);
  });

  it('lists everything as added against nothing (a first version)', () => {
    const log = changelogBetween({ versionNumber: 0, fields: {}, modules: [], lessons: [] }, v1);
    expect(log.modules.added).toHaveLength(2);
    expect(log.lessons.added).toHaveLength(3);
  });
});
