import { createCatalog, defaultCatalog, DIGCOMP_2_2, type Framework } from '@hocso/curriculum';
import { RequestValidationException } from '../../common/validation';
import { CompetencyMappingService, InvalidCompetencyMappingError } from './competency-mapping.service';

describe('CompetencyMappingService', () => {
  const service = new CompetencyMappingService(defaultCatalog);

  it('gives the library\'s verdict', () => {
    expect(service.validate({ courseId: 'c', items: [{ id: 'a', teaches: [{ competency: 'digcomp-2.2:1.1', level: 3 }] }] })).toMatchObject({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('turns errors into a 400 naming each field by the library\'s path, in the language asked for', () => {
    const mapping = { courseId: 'c', items: [{ id: 'a', teaches: [{ competency: 'vn-757-2025:9.9', level: 4 }] }] };
    const error = (() => {
      try {
        service.validateForRequest(mapping, 'en');
      } catch (e) {
        return e as RequestValidationException;
      }
      throw new Error('expected a 400');
    })();
    expect(error).toBeInstanceOf(RequestValidationException);
    expect(error.getStatus()).toBe(400);
    expect(error.details).toEqual([
      { field: 'items[0].teaches[0].competency', message: 'Framework "vn-757-2025" version 1.0.0 has no competency 9.9.' },
      { field: 'items[0].teaches[0].level', message: 'Level 4 is outside the 1–3 scale of framework "vn-757-2025".' },
    ]);
    expect(() => service.validateForRequest(mapping, 'vi')).toThrow(RequestValidationException);
  });

  it('pins each target to the mapping\'s version, else the current one, and keeps one row per item and competency', () => {
    const targets = service.targetsOf(
      {
        courseId: 'c',
        frameworks: [{ id: 'digcomp-2.2', version: '2.2.0' }],
        items: [
          { id: 'a', teaches: [{ competency: 'digcomp-2.2:4.2', level: 2 }], assesses: [{ competency: 'digcomp-2.2:4.2', level: 3 }] },
          { id: 'b', teaches: [{ competency: 'vn-757-2025:0.1', level: 2 }] },
        ],
      },
      'course c',
    );
    expect(targets).toEqual([
      { itemId: 'a', competencyRef: 'digcomp-2.2:4.2', level: 3, frameworkVersion: '2.2.0' },
      { itemId: 'b', competencyRef: 'vn-757-2025:0.1', level: 2, frameworkVersion: '1.0.0' },
    ]);
  });

  it('refuses an invalid mapping with an error that names the subject, the place and the reason', () => {
    const run = () =>
      service.targetsOf({ courseId: 'c', items: [{ id: 'a', teaches: [{ competency: 'nope:1', level: 1 }] }] }, 'course c', (p) => p.replace('items[0]', 'lesson "a"'));
    expect(run).toThrow(InvalidCompetencyMappingError);
    expect(run).toThrow('course c: invalid competency mapping: lesson "a".teaches[0].competency: Unknown framework "nope".');
  });

  it('uses the catalog it is given (a deprecated pinned version is a warning, not an error)', () => {
    const old: Framework = { ...DIGCOMP_2_2, version: '2.1.0', status: 'deprecated', supersededBy: '2.2.0' };
    const withOld = new CompetencyMappingService(createCatalog({ frameworks: [old, DIGCOMP_2_2] }));
    const result = withOld.validateForRequest(
      { courseId: 'c', frameworks: [{ id: 'digcomp-2.2', version: '2.1.0' }], items: [{ id: 'a', teaches: [{ competency: 'digcomp-2.2:1.1', level: 1 }] }] },
      'en',
    );
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['deprecated-version', 'frameworks[0].version']]);
  });
});
