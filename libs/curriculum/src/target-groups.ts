import type { Audience, AudienceId, TargetGroup, TargetGroupId } from './types';

/** The four target groups of the movement (Plan 01-KH/BCĐTW; Decision 757/QĐ-BKHCN). */
export const TARGET_GROUPS: readonly TargetGroup[] = [
  {
    id: 'citizens',
    name: { vi: 'Người dân', en: 'Citizens' },
    description: {
      vi: 'Người trưởng thành: có kiến thức cơ bản về chuyển đổi số, dùng thiết bị thông minh để khai thác thông tin, dùng các nền tảng, dịch vụ số thiết yếu và biết tự bảo vệ trên môi trường số.',
      en: 'Adults: basic knowledge of digital transformation, use smart devices to find information, use essential digital platforms and services, and protect themselves online.',
    },
  },
  {
    id: 'officials',
    name: { vi: 'Cán bộ, công chức, viên chức', en: 'Officials and public employees' },
    description: {
      vi: 'Cán bộ, công chức, viên chức và người lao động trong khu vực nhà nước: hiểu chuyển đổi số, có kỹ năng số và dùng các nền tảng, dịch vụ số để phục vụ công việc.',
      en: 'Officials, civil servants, public employees and public-sector workers: understand digital transformation, have digital skills and use digital platforms and services for their work.',
    },
  },
  {
    id: 'students',
    name: { vi: 'Học sinh, sinh viên', en: 'Students' },
    description: {
      vi: 'Học sinh, sinh viên: có kiến thức, kỹ năng số phục vụ học tập, nghiên cứu, sáng tạo và kỹ năng an toàn khi học tập, giao tiếp trên môi trường số.',
      en: 'Pupils and students: digital knowledge and skills for study, research and creation, and the skills to stay safe when learning and interacting online.',
    },
  },
  {
    id: 'workers',
    name: { vi: 'Người lao động trong doanh nghiệp', en: 'Enterprise workers' },
    description: {
      vi: 'Người lao động trong doanh nghiệp, hợp tác xã, liên hiệp hợp tác xã: có kiến thức cơ bản về công nghệ số, kỹ năng số và dùng thiết bị thông minh phục vụ sản xuất, kinh doanh, nâng cao năng suất lao động.',
      en: 'Workers of enterprises and cooperatives: basic knowledge of digital technology, digital skills, and use of smart devices for production and business and higher productivity.',
    },
  },
];

/**
 * Audiences: people within a target group (usually citizens) who need adapted content and a
 * different order of learning. They do not change the required profile (confirmation is per
 * target group); `focus` ranks next steps first (see `nextCompetencies`). Codes refer to the
 * national framework `vn-757-2025`.
 */
export const AUDIENCES: readonly Audience[] = [
  {
    id: 'elderly',
    name: { vi: 'Người cao tuổi', en: 'Elderly people' },
    description: {
      vi: 'Lớp "văn hóa số" cho người cao tuổi: Internet, dịch vụ công trực tuyến, thanh toán số, an toàn số và chăm sóc sức khỏe trực tuyến.',
      en: '"Digital culture" classes for the elderly: the Internet, online public services, digital payment, digital safety and online health care.',
    },
    focus: ['vn-757-2025:0.1', 'vn-757-2025:0.2', 'vn-757-2025:2.1', 'vn-757-2025:4.2', 'vn-757-2025:2.3', 'vn-757-2025:4.3'],
    notes: ['From the provincial implementation plans (e.g. Lai Châu, 2025), not from Decision 757.'],
  },
  {
    id: 'disability',
    name: { vi: 'Người khuyết tật', en: 'People with disabilities' },
    description: {
      vi: 'Chương trình phù hợp với khả năng, nhu cầu của từng nhóm người khuyết tật; giao diện thân thiện, có công cụ hỗ trợ truy cập văn bản, âm thanh.',
      en: 'A curriculum fitted to the abilities and needs of each group of people with disabilities; accessible interfaces with tools for text and audio access.',
    },
    focus: ['vn-757-2025:0.1', 'vn-757-2025:0.2', 'vn-757-2025:5.2', 'vn-757-2025:2.1'],
    notes: [
      'From the provincial implementation plans. 5.2 covers adjusting devices to one\'s needs (accessibility features).',
      'Accessibility of the content itself (captions, audio, sign language) is a course property, not a competency.',
    ],
  },
  {
    id: 'ethnic-minority',
    name: { vi: 'Đồng bào dân tộc thiểu số', en: 'Ethnic minorities' },
    description: {
      vi: 'Hỗ trợ đồng bào dân tộc thiểu số, vùng sâu, vùng xa tiếp cận và sử dụng nền tảng, dịch vụ số; nội dung có thể bằng tiếng dân tộc.',
      en: 'Help ethnic minorities and remote areas access and use digital platforms and services; content may be in minority languages.',
    },
    focus: ['vn-757-2025:0.1', 'vn-757-2025:0.2', 'vn-757-2025:2.3', 'vn-757-2025:4.2', 'vn-757-2025:2.6'],
    notes: ['From the provincial implementation plans (Lai Châu, Tuyên Quang, 2025).'],
  },
  {
    id: '4t-traders-farmers',
    name: { vi: 'Tiểu thương, nông dân (mô hình 4T)', en: 'Small traders and farmers (4T model)' },
    description: {
      vi: 'Mô hình "Chợ số – Nông thôn số" học theo 4T: tiểu thương, thương mại điện tử, thanh toán không dùng tiền mặt, tiết kiệm số.',
      en: '"Digital market – digital countryside" model taught through the 4T: small traders, e-commerce, cashless payment, digital savings.',
    },
    pillars: [
      { id: 'small-traders', name: { vi: 'Tiểu thương', en: 'Small traders' } },
      { id: 'e-commerce', name: { vi: 'Thương mại điện tử', en: 'E-commerce' } },
      { id: 'cashless-payment', name: { vi: 'Thanh toán không dùng tiền mặt', en: 'Cashless payment' } },
      { id: 'digital-savings', name: { vi: 'Tiết kiệm số', en: 'Digital savings' } },
    ],
    focus: ['vn-757-2025:2.3', 'vn-757-2025:4.2', 'vn-757-2025:3.1', 'vn-757-2025:5.3', 'vn-757-2025:2.2'],
    notes: [
      'From the provincial implementation plans (model "Chợ số – Nông thôn số"). E-commerce and cashless payment sit in 2.3, scams in 4.2, product photos and listings in 3.1, selling online in 5.3.',
    ],
  },
];

/** Target group by id. */
export function targetGroup(id: TargetGroupId): TargetGroup {
  const found = TARGET_GROUPS.find((g) => g.id === id);
  if (!found) throw new Error(`unknown target group: ${id}`);
  return found;
}

/** Audience by id. */
export function audience(id: AudienceId): Audience {
  const found = AUDIENCES.find((a) => a.id === id);
  if (!found) throw new Error(`unknown audience: ${id}`);
  return found;
}
