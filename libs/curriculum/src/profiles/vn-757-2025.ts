import type { CompetencyRef, RequiredProfile, Requirement } from '../types';

const FRAMEWORK = { id: 'vn-757-2025', version: '1.0.0' } as const;

/** Compact builder: `req({ '0.1': 2, '1.1': 2 })`. */
function req(levels: Readonly<Record<string, number>>): readonly Requirement[] {
  return Object.keys(levels).map((code) => ({
    competency: `${FRAMEWORK.id}:${code}` as CompetencyRef,
    minLevel: levels[code] ?? 0,
  }));
}

const COMMON_NOTES = [
  'Provisional: the confirmation criteria of Decision 757/QĐ-BKHCN Annex II (which skills, what test, what pass mark) are not verified. These requirements are the platform\'s reading of the 2025–2026 targets of Plan 01-KH/BCĐTW as restated in the provincial plans.',
  'Level 2 ("Tự thực hiện") is the universalisation level; level 1 marks awareness.',
];

/** Citizens (adults): confirmed as having basic digital skills. */
export const PROFILE_CITIZENS: RequiredProfile = {
  id: 'vn-757-2025/citizens',
  version: '1.0.0',
  targetGroup: 'citizens',
  framework: FRAMEWORK,
  verification: 'provisional',
  basis: {
    vi: 'Người trưởng thành dùng được thiết bị thông minh để khai thác thông tin, dùng các nền tảng, dịch vụ số thiết yếu (dịch vụ công trực tuyến, VNeID, thanh toán số) và biết tự bảo vệ trên môi trường số.',
    en: 'Adults can use smart devices to find information, use essential digital platforms and services (online public services, VNeID, digital payment) and protect themselves online.',
  },
  requirements: /*#__PURE__*/ req({ '0.1': 2, '0.2': 2, '1.1': 2, '1.2': 1, '2.1': 2, '2.3': 2, '2.6': 1, '4.1': 1, '4.2': 2 }),
  notes: COMMON_NOTES,
};

/** Officials, civil servants and public employees. */
export const PROFILE_OFFICIALS: RequiredProfile = {
  id: 'vn-757-2025/officials',
  version: '1.0.0',
  targetGroup: 'officials',
  framework: FRAMEWORK,
  verification: 'provisional',
  basis: {
    vi: 'Cán bộ, công chức, viên chức hiểu chuyển đổi số, có kỹ năng số và dùng tốt các nền tảng, dịch vụ số phục vụ công việc.',
    en: 'Officials understand digital transformation, have digital skills and make good use of digital platforms and services at work.',
  },
  requirements: /*#__PURE__*/ req({
    '0.1': 2, '0.2': 2, '1.1': 2, '1.2': 2, '1.3': 2, '2.1': 2, '2.2': 2, '2.3': 2, '2.4': 2, '2.5': 2,
    '2.6': 2, '3.1': 2, '4.1': 2, '4.2': 2, '5.1': 1, '5.2': 1,
  }),
  notes: COMMON_NOTES,
};

/** Pupils and students. */
export const PROFILE_STUDENTS: RequiredProfile = {
  id: 'vn-757-2025/students',
  version: '1.0.0',
  targetGroup: 'students',
  framework: FRAMEWORK,
  verification: 'provisional',
  basis: {
    vi: 'Học sinh, sinh viên có kiến thức, kỹ năng số phục vụ học tập, nghiên cứu, sáng tạo và kỹ năng an toàn khi học tập, giao tiếp trên môi trường số.',
    en: 'Students have the digital knowledge and skills for study, research and creation, and stay safe when learning and interacting online.',
  },
  requirements: /*#__PURE__*/ req({
    '0.1': 2, '0.2': 2, '1.1': 2, '1.2': 2, '1.3': 2, '2.1': 2, '2.2': 2, '2.4': 2, '2.5': 2, '3.1': 2,
    '3.2': 1, '3.3': 1, '4.2': 2, '4.3': 2, '5.4': 1,
  }),
  notes: [
    ...COMMON_NOTES,
    'Students are also assessed against the MOET learners\' framework (vn-moet-learners-2025) by grade; that is a separate, school-level profile not encoded here.',
  ],
};

/** Workers of enterprises and cooperatives. */
export const PROFILE_WORKERS: RequiredProfile = {
  id: 'vn-757-2025/workers',
  version: '1.0.0',
  targetGroup: 'workers',
  framework: FRAMEWORK,
  verification: 'provisional',
  basis: {
    vi: 'Người lao động có kiến thức cơ bản về công nghệ số, kỹ năng số và dùng thiết bị thông minh phục vụ sản xuất, kinh doanh, nâng cao năng suất lao động.',
    en: 'Workers have basic knowledge of digital technology and digital skills, and use smart devices for production and business to raise productivity.',
  },
  requirements: /*#__PURE__*/ req({
    '0.1': 2, '0.2': 2, '1.1': 2, '1.3': 2, '2.1': 2, '2.4': 2, '4.1': 2, '4.2': 2, '5.1': 2, '5.2': 1,
  }),
  notes: COMMON_NOTES,
};

/** The four profiles of the national framework, one per target group. */
export const VN_757_2025_PROFILES: readonly RequiredProfile[] = [
  PROFILE_CITIZENS,
  PROFILE_OFFICIALS,
  PROFILE_STUDENTS,
  PROFILE_WORKERS,
];
