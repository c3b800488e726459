/**
 * The addresses of the web app, in Vietnamese without diacritics (what learners read, say and share
 * in a chat message). One place, so links and route definitions cannot drift apart.
 */
export const paths = {
  catalog: '/',
  frameworks: '/khung-nang-luc',
  signUp: '/dang-ky',
  signIn: '/dang-nhap',
  forgotPassword: '/quen-mat-khau',
  resetPassword: '/dat-lai-mat-khau',
  profile: '/tai-khoan',
  display: '/hien-thi',
  admin: '/quan-tri',
  adminUnits: '/quan-tri/don-vi',
  adminUnit: (unitId: string) => `/quan-tri/don-vi/${encodeURIComponent(unitId)}`,
  adminUsers: '/quan-tri/nguoi-dung',
  adminUser: (userId: string) => `/quan-tri/nguoi-dung/${encodeURIComponent(userId)}`,
  adminHouseholds: '/quan-tri/ho-gia-dinh',
  adminConfirmations: '/quan-tri/xac-nhan',
  adminXapi: '/quan-tri/xapi',
  reports: '/quan-tri/bao-cao',
  reportsUnit: (unitId: string) => `/quan-tri/bao-cao/${encodeURIComponent(unitId)}`,
  reportTargets: '/quan-tri/chi-tieu',
  periodicReports: '/quan-tri/bao-cao-dinh-ky',
  myCertificates: '/chung-chi',
  verifyCertificate: '/xac-minh',
  verify: (serial: string) => `/xac-minh/${encodeURIComponent(serial)}`,
  course: (slug: string) => `/khoa-hoc/${encodeURIComponent(slug)}`,
  learn: (slug: string) => `/hoc/${encodeURIComponent(slug)}`,
  lesson: (slug: string, lessonId: string) => `/hoc/${encodeURIComponent(slug)}/bai/${encodeURIComponent(lessonId)}`,
  myLearning: '/hoc-cua-toi',
  quiz: (slug: string, lessonId: string) => `/hoc/${encodeURIComponent(slug)}/kiem-tra/${encodeURIComponent(lessonId)}`,
  itemBank: '/studio/ngan-hang-cau-hoi',
  studio: '/studio',
  studioCourse: (courseId: string) => `/studio/khoa-hoc/${encodeURIComponent(courseId)}`,
  review: '/duyet',
  reviewVersion: (versionId: string) => `/duyet/${encodeURIComponent(versionId)}`,
  studioImport: '/studio/nhap-khoa-hoc',
  grading: '/cham-bai',
  communityClasses: '/lop-hoc',
  communityClass: (classId: string) => `/lop-hoc/${encodeURIComponent(classId)}`,
  communityAttendance: (classId: string, sessionId: string) => `/lop-hoc/${encodeURIComponent(classId)}/diem-danh/${encodeURIComponent(sessionId)}`,
  presenter: (classId: string, sessionId: string) => `/lop-hoc/${encodeURIComponent(classId)}/trinh-chieu/${encodeURIComponent(sessionId)}`,
  join: '/tham-gia',
  joinClass: (code: string) => `/tham-gia/${encodeURIComponent(code)}`,
  checkIn: (sessionId: string) => `/diem-danh/${encodeURIComponent(sessionId)}`,
  myClass: (classId: string) => `/lop-cua-toi/${encodeURIComponent(classId)}`,
  mentor: '/dai-su-so',
  mentorMentee: (menteeId: string) => `/dai-su-so/nguoi-hoc/${encodeURIComponent(menteeId)}`,
  myMentor: '/nguoi-kem-cap',
  adminMentors: '/quan-tri/dai-su-so',
} as const;

/** The query parameter carrying the page to go back to after signing in. */
export const NEXT_PARAM = 'next';

/**
 * A path of this app to return to, or undefined: only same-origin absolute paths ("/…", not "//…" or
 * "/\\…", which browsers treat as another host), so a crafted link cannot send people elsewhere.
 */
export function safeReturnPath(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f]/.test(value)) return undefined;
  return value;
}

/** The sign-in page, remembering where to come back to. */
export function signInPath(returnTo?: string): string {
  const back = safeReturnPath(returnTo);
  if (!back || back === paths.catalog || isAuthPage(back)) return paths.signIn;
  return `${paths.signIn}?${NEXT_PARAM}=${encodeURIComponent(back)}`;
}

/** Pages one does not come back to after signing in. */
export function isAuthPage(path: string): boolean {
  const pathname = path.split(/[?#]/)[0] ?? path;
  return [paths.signIn, paths.signUp, paths.forgotPassword, paths.resetPassword].includes(pathname as never);
}
