import { isAuthPage, paths, safeReturnPath, signInPath } from './paths';

describe('return paths after signing in', () => {
  it('keeps paths of this site only', () => {
    expect(safeReturnPath('/tai-khoan')).toBe('/tai-khoan');
    expect(safeReturnPath('/quan-tri/nguoi-dung?q=P%C3%A1o&trang=2')).toBe('/quan-tri/nguoi-dung?q=P%C3%A1o&trang=2');
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'tai-khoan', '', null, undefined, '/a\nb']) {
      expect(safeReturnPath(bad)).toBeUndefined();
    }
  });

  it('builds the sign-in address, leaving out pages one does not come back to', () => {
    expect(signInPath('/tai-khoan')).toBe('/dang-nhap?next=%2Ftai-khoan');
    expect(signInPath('/quan-tri/don-vi?x=1')).toBe('/dang-nhap?next=%2Fquan-tri%2Fdon-vi%3Fx%3D1');
    expect(signInPath('/')).toBe(paths.signIn);
    expect(signInPath('/dang-ky')).toBe(paths.signIn);
    expect(signInPath('/dang-nhap?next=%2Fx')).toBe(paths.signIn);
    expect(signInPath('//evil.example')).toBe(paths.signIn);
    expect(isAuthPage('/dat-lai-mat-khau#token=x')).toBe(true);
    expect(isAuthPage('/tai-khoan')).toBe(false);
  });
});
