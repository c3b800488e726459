import type { Framework } from '../types';

/**
 * National basic digital knowledge and skills framework of the "Digital Literacy for All"
 * movement (Bình dân học vụ số): Decision 757/QĐ-BKHCN of 29 April 2025, Annex I (the framework,
 * "version 1.0") and Annex II (assessment and confirmation guide).
 *
 * Verified from reproductions of the text: skill groups 0 and 1 and their skills. Everything
 * else is marked `provisional` — see `notes`.
 */
export const VN_757_2025: Framework = {
  id: 'vn-757-2025',
  version: '1.0.0',
  name: {
    vi: 'Khung kiến thức, kỹ năng số cơ bản (Bình dân học vụ số)',
    en: 'Basic digital knowledge and skills framework (Digital Literacy for All)',
  },
  shortName: { vi: 'Khung 757/QĐ-BKHCN', en: 'Framework 757/QĐ-BKHCN' },
  status: 'active',
  source: {
    title: {
      vi: 'Quyết định ban hành Khung kiến thức, kỹ năng số cơ bản và Hướng dẫn đánh giá, xác nhận hoàn thành mức độ phổ cập kỹ năng số',
      en: 'Decision issuing the Basic digital knowledge and skills framework and the Guide to assessing and confirming completion of digital-skills universalisation',
    },
    issuer: { vi: 'Bộ Khoa học và Công nghệ', en: 'Ministry of Science and Technology' },
    reference: '757/QĐ-BKHCN',
    issued: '2025-04-29',
    url: 'https://luatvietnam.vn/khoa-hoc/quyet-dinh-757qd-bkhcn-2025-khung-kien-thuc-ky-nang-so-co-ban-va-huong-dan-danh-gia-399423-d1.html',
  },
  verification: 'provisional',
  targetGroups: ['citizens', 'officials', 'students', 'workers'],
  levels: [
    {
      level: 1, code: 'L1', name: { vi: 'Làm quen', en: 'Familiar' },
      description: {
        vi: 'Biết công cụ, dịch vụ số dùng để làm gì; làm được các bước đơn giản khi có người hướng dẫn.',
        en: 'Knows what the digital tool or service is for; does simple steps with guidance.',
      },
    },
    {
      level: 2, code: 'L2', name: { vi: 'Tự thực hiện', en: 'Independent' },
      description: {
        vi: 'Tự thực hiện an toàn các việc thông dụng hằng ngày; là mức phổ cập kỹ năng số cơ bản trên nền tảng.',
        en: 'Does common everyday tasks safely on their own; the platform\'s level for basic universalisation.',
      },
    },
    {
      level: 3, code: 'L3', name: { vi: 'Thành thạo', en: 'Proficient' },
      description: {
        vi: 'Xử lý được nhiều tình huống khác nhau và hướng dẫn được người khác (ví dụ Đại sứ số).',
        en: 'Handles varied situations and can guide others (e.g. Digital Ambassadors).',
      },
    },
  ],
  areas: [
    {
      code: '0',
      name: { vi: 'Sử dụng thiết bị và phần mềm trên thiết bị', en: 'Using devices and the software on them' },
      verification: 'secondary',
      competencies: [
        {
          code: '0.1',
          verification: 'secondary',
          name: { vi: 'Sử dụng thiết bị', en: 'Using devices' },
          description: {
            vi: 'Nhận biết, phân biệt các loại thiết bị và các bộ phận cơ bản; làm quen với một số tính năng của phần mềm, ứng dụng trên thiết bị.',
            en: 'Recognise and tell apart devices and their basic parts; get to know some features of the software and apps on them.',
          },
        },
        {
          code: '0.2',
          verification: 'secondary',
          name: { vi: 'Sử dụng phần mềm trên thiết bị', en: 'Using software on devices' },
          description: {
            vi: 'Nhận biết các biểu tượng; dùng tính năng của các ứng dụng phổ biến; cài đặt, cập nhật và quản lý ứng dụng trên thiết bị.',
            en: 'Recognise icons; use features of common apps; install, update and manage apps on a device.',
          },
        },
      ],
    },
    {
      code: '1',
      name: { vi: 'Tìm kiếm và khai thác thông tin trên Internet', en: 'Searching for and using information on the Internet' },
      verification: 'secondary',
      competencies: [
        {
          code: '1.1',
          verification: 'secondary',
          name: { vi: 'Tìm kiếm và lựa chọn thông tin trên Internet', en: 'Searching for and selecting information on the Internet' },
          description: {
            vi: 'Hiểu mục đích tìm kiếm, biết một số công cụ tìm kiếm đơn giản, cách truy cập nội dung cần tìm và cách xây dựng chiến lược tìm kiếm.',
            en: 'Understand why one searches, know some simple search tools, how to reach the content sought and how to plan a search.',
          },
        },
        {
          code: '1.2',
          verification: 'secondary',
          name: { vi: 'Đánh giá dữ liệu, thông tin và nội dung trên Internet', en: 'Evaluating data, information and content on the Internet' },
          description: {
            vi: 'Phân tích, so sánh, đánh giá độ tin cậy và tính xác thực của nguồn dữ liệu, thông tin.',
            en: 'Analyse, compare and judge how reliable and authentic a source of data or information is.',
          },
        },
        {
          code: '1.3',
          verification: 'secondary',
          name: { vi: 'Quản lý dữ liệu, thông tin và nội dung', en: 'Managing data, information and content' },
          description: {
            vi: 'Sắp xếp, lưu trữ và truy xuất lại dữ liệu, thông tin và nội dung.',
            en: 'Organise, store and retrieve data, information and content.',
          },
        },
      ],
    },
    {
      code: '2',
      name: { vi: 'Giao tiếp và hợp tác trên môi trường số', en: 'Communication and collaboration in the digital environment' },
      competencies: [
        {
          code: '2.1',
          name: { vi: 'Tương tác qua công nghệ số', en: 'Interacting through digital technologies' },
          description: {
            vi: 'Nhắn tin, gọi điện, gọi video và dùng mạng xã hội phù hợp với từng việc.',
            en: 'Message, call, video-call and use social networks as suits the purpose.',
          },
        },
        {
          code: '2.2',
          name: { vi: 'Chia sẻ thông tin và nội dung qua công nghệ số', en: 'Sharing information and content through digital technologies' },
          description: {
            vi: 'Chia sẻ tệp, ảnh, đường dẫn và thông tin với người khác; kiểm tra trước khi chia sẻ.',
            en: 'Share files, photos, links and information with others; check before sharing.',
          },
        },
        {
          code: '2.3',
          name: { vi: 'Tham gia xã hội qua dịch vụ số', en: 'Taking part in society through digital services' },
          description: {
            vi: 'Dùng dịch vụ công trực tuyến, ứng dụng VNeID, thanh toán không dùng tiền mặt, thương mại điện tử và các tiện ích số thiết yếu.',
            en: 'Use online public services, the VNeID app, cashless payment, e-commerce and essential digital utilities.',
          },
        },
        {
          code: '2.4',
          name: { vi: 'Hợp tác qua công nghệ số', en: 'Collaborating through digital technologies' },
          description: {
            vi: 'Cùng làm việc, học tập với người khác qua nhóm trực tuyến, tài liệu dùng chung, họp trực tuyến.',
            en: 'Work and learn with others through online groups, shared documents and online meetings.',
          },
        },
        {
          code: '2.5',
          name: { vi: 'Quy tắc ứng xử trên môi trường số', en: 'Rules of conduct in the digital environment' },
          description: {
            vi: 'Ứng xử văn minh, tôn trọng người khác và tuân thủ pháp luật trên mạng.',
            en: 'Behave courteously, respect others and follow the law online.',
          },
        },
        {
          code: '2.6',
          name: { vi: 'Quản lý danh tính số', en: 'Managing digital identity' },
          description: {
            vi: 'Tạo, bảo vệ và quản lý tài khoản, danh tính số (trong đó có tài khoản định danh điện tử).',
            en: 'Create, protect and manage accounts and digital identities (including the national electronic ID account).',
          },
        },
      ],
    },
    {
      code: '3',
      name: { vi: 'Sáng tạo nội dung số', en: 'Digital content creation' },
      competencies: [
        {
          code: '3.1',
          name: { vi: 'Tạo và chỉnh sửa nội dung số', en: 'Creating and editing digital content' },
          description: {
            vi: 'Soạn văn bản, chụp và chỉnh ảnh, quay video ngắn và đăng nội dung đúng mục đích.',
            en: 'Write documents, take and edit photos, record short videos and post content for a purpose.',
          },
        },
        {
          code: '3.2',
          name: { vi: 'Tích hợp và biên tập lại nội dung số', en: 'Integrating and re-working digital content' },
          description: {
            vi: 'Kết hợp, chỉnh sửa nội dung có sẵn để tạo nội dung mới phù hợp.',
            en: 'Combine and adapt existing content into new, relevant content.',
          },
        },
        {
          code: '3.3',
          name: { vi: 'Bản quyền và giấy phép', en: 'Copyright and licences' },
          description: {
            vi: 'Tôn trọng bản quyền; ghi nguồn khi dùng nội dung của người khác.',
            en: "Respect copyright; credit the source when using others' content.",
          },
        },
        {
          code: '3.4',
          name: { vi: 'Lập trình', en: 'Programming' },
          description: {
            vi: 'Hiểu và tạo chuỗi chỉ dẫn đơn giản để máy tính thực hiện một việc.',
            en: 'Understand and write a simple sequence of instructions for a computer to do a task.',
          },
        },
      ],
    },
    {
      code: '4',
      name: { vi: 'An toàn trên môi trường số', en: 'Safety in the digital environment' },
      competencies: [
        {
          code: '4.1',
          name: { vi: 'Bảo vệ thiết bị', en: 'Protecting devices' },
          description: {
            vi: 'Đặt mật khẩu, khóa màn hình, cập nhật phần mềm và tránh cài ứng dụng không rõ nguồn gốc.',
            en: 'Set passwords and screen locks, keep software up to date and avoid apps of unknown origin.',
          },
        },
        {
          code: '4.2',
          name: { vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', en: 'Protecting personal data and privacy' },
          description: {
            vi: 'Giữ bí mật mã OTP và thông tin cá nhân; nhận biết và phòng tránh lừa đảo trực tuyến.',
            en: 'Keep one-time codes and personal data secret; recognise and avoid online scams.',
          },
        },
        {
          code: '4.3',
          name: { vi: 'Bảo vệ sức khỏe và an sinh số', en: 'Protecting health and digital well-being' },
          description: {
            vi: 'Dùng thiết bị số điều độ; phòng tránh bắt nạt, quấy rối trên mạng; biết các dịch vụ số hỗ trợ sức khỏe.',
            en: 'Use devices in moderation; prevent cyberbullying and harassment; know digital services that support health.',
          },
        },
        {
          code: '4.4',
          name: { vi: 'Bảo vệ môi trường', en: 'Protecting the environment' },
          description: {
            vi: 'Biết tác động của thiết bị số tới môi trường; tiết kiệm năng lượng, xử lý rác thải điện tử đúng cách.',
            en: 'Know the environmental impact of devices; save energy and dispose of e-waste properly.',
          },
        },
      ],
    },
    {
      code: '5',
      name: { vi: 'Giải quyết vấn đề', en: 'Problem solving' },
      competencies: [
        {
          code: '5.1',
          name: { vi: 'Giải quyết vấn đề kỹ thuật', en: 'Solving technical problems' },
          description: {
            vi: 'Xử lý các sự cố thường gặp: mất kết nối, hết bộ nhớ, ứng dụng bị treo.',
            en: 'Fix common problems: lost connection, full storage, a frozen app.',
          },
        },
        {
          code: '5.2',
          name: { vi: 'Xác định nhu cầu và giải pháp công nghệ', en: 'Identifying needs and technological responses' },
          description: {
            vi: 'Chọn ứng dụng, dịch vụ số phù hợp với nhu cầu (kể cả công cụ trí tuệ nhân tạo); điều chỉnh thiết bị theo nhu cầu, ví dụ tính năng trợ năng.',
            en: 'Choose apps and digital services that fit a need (AI tools included); adjust the device to one\'s needs, e.g. accessibility features.',
          },
        },
        {
          code: '5.3',
          name: { vi: 'Sử dụng sáng tạo công nghệ số', en: 'Creatively using digital technologies' },
          description: {
            vi: 'Dùng công nghệ số để cải tiến cách làm việc, sản xuất, kinh doanh.',
            en: 'Use digital technology to improve how one works, produces and trades.',
          },
        },
        {
          code: '5.4',
          name: { vi: 'Xác định những thiếu hụt về năng lực số', en: 'Identifying digital competence gaps' },
          description: {
            vi: 'Nhận ra kỹ năng số mình còn thiếu, tự học và giúp người khác cùng học.',
            en: 'Recognise which digital skills one lacks, learn on one\'s own and help others learn.',
          },
        },
      ],
    },
  ],
  notes: [
    'Source: Decision 757/QĐ-BKHCN (29 April 2025), Annex I "Khung kiến thức, kỹ năng số cơ bản" (version 1.0) and Annex II "Hướng dẫn đánh giá, xác nhận hoàn thành mức độ phổ cập kỹ năng số". Read from reproductions in legal databases and the press, not from the signed PDF.',
    'Verified (secondary): skill group 0 "Sử dụng thiết bị và phần mềm trên thiết bị" (0.1, 0.2) and group 1 "Tìm kiếm và khai thác thông tin trên Internet" (1.1–1.3), as published in the basic digital-skills framework for citizens version 1.0 (also in MIC dispatch 3139/BTTTT-KTS&XHS, 2024). Descriptions are paraphrased.',
    'Not verified: groups 2–5. They follow the DigComp 2.2 / UNESCO DLGF numbering that groups 0–1 follow; names and descriptions are provisional and may differ from the official annex.',
    'The annex has one framework per target group (Appendix 1.4 is the one for enterprise workers); the other appendices\' order and the per-group differences are not verified. This data models one shared competency set; target-group differences live in the required profiles.',
    'The decision integrates artificial-intelligence skills; where and how (separate group or inside other groups) is not verified. Here AI tools appear in 5.2 only.',
    'Proficiency levels L1–L3 are a platform convention, not from the decision: the official confirmation criteria (Annex II) are not verified.',
  ],
};
