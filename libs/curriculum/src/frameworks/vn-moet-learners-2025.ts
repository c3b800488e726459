import type { Framework } from '../types';

const BASIC = { vi: 'Cơ bản', en: 'Basic' };
const INTERMEDIATE = { vi: 'Trung cấp', en: 'Intermediate' };
const ADVANCED = { vi: 'Nâng cao', en: 'Advanced' };
const SPECIALISED = { vi: 'Chuyên sâu', en: 'Specialised' };

/**
 * Digital competence framework for learners of Vietnam's Ministry of Education and Training:
 * Circular 02/2025/TT-BGDĐT (24 January 2025, in force 11 March 2025). 6 competence domains
 * (including AI application), 24 component competences, 4 stages in 8 levels.
 */
export const VN_MOET_LEARNERS_2025: Framework = {
  id: 'vn-moet-learners-2025',
  version: '1.0.0',
  name: { vi: 'Khung năng lực số cho người học', en: 'Digital competence framework for learners' },
  shortName: { vi: 'Khung NLS người học (TT 02/2025)', en: 'MOET learners\' framework (Circular 02/2025)' },
  status: 'active',
  source: {
    title: { vi: 'Thông tư quy định Khung năng lực số cho người học', en: 'Circular on the digital competence framework for learners' },
    issuer: { vi: 'Bộ Giáo dục và Đào tạo', en: 'Ministry of Education and Training' },
    reference: '02/2025/TT-BGDĐT',
    issued: '2025-01-24',
    effective: '2025-03-11',
  },
  verification: 'provisional',
  targetGroups: ['students'],
  levels: [
    { level: 1, code: 'CB1', name: { vi: 'Cơ bản 1', en: 'Basic 1' }, band: BASIC },
    { level: 2, code: 'CB2', name: { vi: 'Cơ bản 2', en: 'Basic 2' }, band: BASIC },
    { level: 3, code: 'TC1', name: { vi: 'Trung cấp 1', en: 'Intermediate 1' }, band: INTERMEDIATE },
    { level: 4, code: 'TC2', name: { vi: 'Trung cấp 2', en: 'Intermediate 2' }, band: INTERMEDIATE },
    { level: 5, code: 'NC1', name: { vi: 'Nâng cao 1', en: 'Advanced 1' }, band: ADVANCED },
    { level: 6, code: 'NC2', name: { vi: 'Nâng cao 2', en: 'Advanced 2' }, band: ADVANCED },
    { level: 7, code: 'CS1', name: { vi: 'Chuyên sâu 1', en: 'Specialised 1' }, band: SPECIALISED },
    { level: 8, code: 'CS2', name: { vi: 'Chuyên sâu 2', en: 'Specialised 2' }, band: SPECIALISED },
  ],
  areas: [
    {
      code: '1',
      name: { vi: 'Khai thác dữ liệu và thông tin', en: 'Exploiting data and information' },
      verification: 'secondary',
      description: {
        vi: 'Tìm kiếm, lọc, đánh giá và quản lý dữ liệu, thông tin và nội dung số; xác định nguồn tin cậy và dùng dữ liệu để ra quyết định, giải quyết vấn đề.',
        en: 'Search, filter, evaluate and manage data, information and digital content; identify reliable sources and use data to decide and solve problems.',
      },
      competencies: [
        { code: '1.1', name: { vi: 'Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số', en: 'Browsing, searching and filtering data, information and digital content' }, verification: 'secondary' },
        { code: '1.2', name: { vi: 'Đánh giá dữ liệu, thông tin và nội dung số', en: 'Evaluating data, information and digital content' }, verification: 'secondary' },
        { code: '1.3', name: { vi: 'Quản lý dữ liệu, thông tin và nội dung số', en: 'Managing data, information and digital content' }, verification: 'secondary' },
      ],
    },
    {
      code: '2',
      name: { vi: 'Giao tiếp và hợp tác trong môi trường số', en: 'Communication and collaboration in the digital environment' },
      verification: 'secondary',
      description: {
        vi: 'Dùng công nghệ số để tương tác, chia sẻ, làm việc nhóm và tham gia cộng đồng trực tuyến; tôn trọng đa dạng văn hóa; quản lý danh tính số.',
        en: 'Use digital technology to interact, share, work in teams and take part in online communities; respect cultural diversity; manage digital identity.',
      },
      competencies: [
        { code: '2.1', name: { vi: 'Tương tác thông qua công nghệ số', en: 'Interacting through digital technologies' }, verification: 'secondary' },
        { code: '2.2', name: { vi: 'Chia sẻ thông tin và nội dung thông qua công nghệ số', en: 'Sharing information and content through digital technologies' } },
        { code: '2.3', name: { vi: 'Tham gia vào quyền công dân thông qua công nghệ số', en: 'Engaging in citizenship through digital technologies' }, verification: 'secondary' },
        { code: '2.4', name: { vi: 'Hợp tác thông qua công nghệ số', en: 'Collaborating through digital technologies' } },
        { code: '2.5', name: { vi: 'Quy tắc ứng xử trên mạng', en: 'Netiquette' }, verification: 'secondary' },
        { code: '2.6', name: { vi: 'Quản lý danh tính số', en: 'Managing digital identity' }, verification: 'secondary' },
      ],
    },
    {
      code: '3',
      name: { vi: 'Sáng tạo nội dung số', en: 'Digital content creation' },
      verification: 'secondary',
      description: {
        vi: 'Tạo, chỉnh sửa và chia sẻ nội dung số; áp dụng bản quyền và giấy phép; lập trình cơ bản; tích hợp tri thức từ nhiều nguồn.',
        en: 'Create, edit and share digital content; apply copyright and licences; basic programming; integrate knowledge from several sources.',
      },
      competencies: [
        { code: '3.1', name: { vi: 'Phát triển nội dung số', en: 'Developing digital content' } },
        { code: '3.2', name: { vi: 'Tích hợp và tạo lập lại nội dung số', en: 'Integrating and re-elaborating digital content' } },
        { code: '3.3', name: { vi: 'Thực thi bản quyền và giấy phép', en: 'Applying copyright and licences' } },
        { code: '3.4', name: { vi: 'Lập trình', en: 'Programming' } },
      ],
    },
    {
      code: '4',
      name: { vi: 'An toàn', en: 'Safety' },
      verification: 'secondary',
      description: {
        vi: 'Bảo vệ dữ liệu, thiết bị, sức khỏe và môi trường trong môi trường số.',
        en: 'Protect data, devices, health and the environment in the digital world.',
      },
      competencies: [
        { code: '4.1', name: { vi: 'Bảo vệ thiết bị', en: 'Protecting devices' } },
        { code: '4.2', name: { vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', en: 'Protecting personal data and privacy' } },
        { code: '4.3', name: { vi: 'Bảo vệ sức khỏe và an sinh số', en: 'Protecting health and digital well-being' } },
        { code: '4.4', name: { vi: 'Bảo vệ môi trường', en: 'Protecting the environment' } },
      ],
    },
    {
      code: '5',
      name: { vi: 'Giải quyết vấn đề', en: 'Problem solving' },
      verification: 'secondary',
      competencies: [
        { code: '5.1', name: { vi: 'Giải quyết các vấn đề kỹ thuật', en: 'Solving technical problems' } },
        { code: '5.2', name: { vi: 'Xác định nhu cầu và giải pháp công nghệ', en: 'Identifying needs and technological responses' } },
        { code: '5.3', name: { vi: 'Sử dụng sáng tạo công nghệ số', en: 'Creatively using digital technologies' } },
        { code: '5.4', name: { vi: 'Xác định các vấn đề cần cải thiện về năng lực số', en: 'Identifying where digital competence needs improving' } },
      ],
    },
    {
      code: '6',
      name: { vi: 'Ứng dụng trí tuệ nhân tạo', en: 'Applying artificial intelligence' },
      verification: 'secondary',
      description: {
        vi: 'Hiểu, sử dụng và đánh giá các hệ thống trí tuệ nhân tạo, trong đó có AI tạo sinh, một cách có trách nhiệm và có đạo đức.',
        en: 'Understand, use and evaluate artificial-intelligence systems, generative AI included, responsibly and ethically.',
      },
      competencies: [
        { code: '6.1', name: { vi: 'Hiểu biết về trí tuệ nhân tạo', en: 'Understanding artificial intelligence' } },
        { code: '6.2', name: { vi: 'Sử dụng trí tuệ nhân tạo', en: 'Using artificial intelligence' } },
        { code: '6.3', name: { vi: 'Đánh giá trí tuệ nhân tạo', en: 'Evaluating artificial intelligence' } },
      ],
    },
  ],
  notes: [
    'Source: Circular 02/2025/TT-BGDĐT of 24 January 2025 (in force 11 March 2025). Read from press and legal-database summaries, not from the signed text.',
    'Verified (secondary): 6 competence domains with these names, including domain 6 "Ứng dụng trí tuệ nhân tạo"; 24 component competences in total; 4 stages (cơ bản, trung cấp, nâng cao, chuyên sâu) in 8 levels; the three components of domain 1; in domain 2 the components on interacting, citizenship, netiquette (quy tắc ứng xử trên mạng) and digital identity.',
    'Not verified: the exact wording and order of the other 17 component competences (2.2, 2.4 and domains 3–6). They are recalled and follow DigComp 2.2, whose structure the Circular adapts; the count matches the published 24.',
    'Not verified: the level codes CB1…CS2 and the correspondence of levels with school grades and training levels (basic levels for primary school, rising through lower and upper secondary to higher education). No grade data is encoded here.',
    'No descriptions of component competences or of levels are included until they can be taken from the Circular\'s annex.',
  ],
};
